package io.runledger.command.worker;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.project.ProjectDetails;
import io.runledger.domain.project.ProjectUpdated;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each project's latest details ({@code work_projects}), so that a generation's job carries the project as
 * it was when requested. Same processing group as {@link WorkQueue}, so a project's details are stored
 * before any later generation request is queued.
 */
@TransactionalLookup(processingGroup = WorkQueue.PROCESSING_GROUP)
record WorkProjects(JdbcClient jdbc, TaskJson json) {

    @EventHandler
    void on(ProjectCreated created) {
        keepDetails(created.projectId(), created.details());
    }

    @EventHandler
    void on(ProjectUpdated updated) {
        keepDetails(updated.projectId(), updated.details());
    }

    Optional<Map<String, Object>> details(UUID projectId) {
        return jdbc.sql("select details::text from work_projects where project_id = ?")
                .param(projectId)
                .query(String.class)
                .optional()
                .map(json::read);
    }

    private void keepDetails(UUID projectId, ProjectDetails details) {
        jdbc.sql("""
                insert into work_projects (project_id, details) values (?, ?::jsonb)
                on conflict (project_id) do update set details = excluded.details
                """).params(projectId, json.write(details)).update();
    }
}
