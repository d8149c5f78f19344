package io.runledger.domain.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event (or of a value an event carries) that holds personal data. Such values are stored
 * encrypted under the data key of their {@link #subject()}, so destroying that key erases them from the immutable
 * event log (crypto-shredding, docs/erasure.md); reading them decrypts transparently, or shows the subject's
 * erasure placeholder once the key is gone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    Subject subject();

    /** Whose data it is, named by a component of the event that carries it. */
    enum Subject {
        /** A person's identity (email, name, sign-in subject): the event's {@code userId}. */
        PERSON("userId"),
        /** A tenant's content (texts sent and produced, names, prompts): the event's {@code orgId}. */
        ORG("orgId"),
        /**
         * The address an invitation was sent to, a person who may never sign up: the event's {@code invitationId}, a
         * key per invitation, destroyed when that person or the org is erased.
         */
        INVITEE("invitationId");

        private final String idComponent;

        Subject(String idComponent) {
            this.idComponent = idComponent;
        }

        /** The component of the event that holds the subject's id. */
        public String idComponent() {
            return idComponent;
        }
    }
}
