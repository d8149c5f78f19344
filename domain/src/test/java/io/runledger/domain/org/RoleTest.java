package io.runledger.domain.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void an_owner_may_do_what_an_admin_may_but_not_the_other_way_round() {
        assertThat(Role.OWNER.includes(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.includes(Role.OWNER)).isFalse();
    }

    @Test
    void a_developer_includes_viewing_and_a_viewer_only_viewing() {
        assertThat(Role.DEVELOPER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.DEVELOPER)).isFalse();
        assertThat(Role.VIEWER.includes(Role.VIEWER)).isTrue();
    }
}
