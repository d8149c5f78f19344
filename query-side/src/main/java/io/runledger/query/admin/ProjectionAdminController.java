package io.runledger.query.admin;

import java.util.List;
import java.util.function.Supplier;

import io.runledger.projections.ProjectionAdmin;
import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/admin/projections}: platform admins watch the read models and rebuild any of them. */
@RestController
@RequestMapping("/v1/admin/projections")
class ProjectionAdminController {

    private final Readers readers;
    private final ProjectionAdmin projections;

    ProjectionAdminController(Readers readers, ProjectionAdmin projections) {
        this.readers = readers;
        this.projections = projections;
    }

    record Projections(List<ProjectionAdmin.ProjectionState> items) {
    }

    @GetMapping
    Projections states() {
        readers.requirePlatformAdmin();
        return new Projections(projections.states());
    }

    /** 202: the rebuild has started and goes on in the background; watch its lag here. */
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionAdmin.ProjectionState> replay(@PathVariable String name) {
        readers.requirePlatformAdmin();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(known(() -> projections.replay(name)));
    }

    private static <T> T known(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProjectionAdmin.UnknownProjection unknown) {
            throw QueryProblems.notFound(unknown.getMessage());
        }
    }
}
