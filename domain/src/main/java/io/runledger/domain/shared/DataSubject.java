package io.runledger.domain.shared;

import java.util.UUID;

/** Whose personal data a value is: a person or an org, which has a data key of its own (docs/erasure.md). */
public record DataSubject(PersonalData.Subject kind, UUID id) {

    public static DataSubject person(UUID userId) {
        return new DataSubject(PersonalData.Subject.PERSON, userId);
    }

    public static DataSubject org(UUID orgId) {
        return new DataSubject(PersonalData.Subject.ORG, orgId);
    }

    public static DataSubject invitee(UUID invitationId) {
        return new DataSubject(PersonalData.Subject.INVITEE, invitationId);
    }

    /**
     * What reading shows in place of the subject's data once its key is destroyed, the same in every read model
     * and every replay: {@code erased user <id>}, {@code erased org <id>} or {@code erased invitation <id>}. The
     * whole id keeps it unique where a read model needs unique values (a user's email).
     */
    public String placeholder() {
        return switch (kind) {
                    case PERSON -> "erased user ";
                    case ORG -> "erased org ";
                    case INVITEE -> "erased invitation ";
                }
                + id;
    }
}
