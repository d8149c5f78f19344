package io.runledger.infra.testing;

import org.junit.jupiter.api.BeforeEach;

/** An {@link ApiTest} in which someone signs up with an org of their own before each test: {@link #owner}. */
public abstract class OrgOwnerApiTest extends ApiTest {

    private final String emailPrefix;
    private final String orgName;
    protected OrgOwner owner;

    /** As {@link OrgOwner#signUp}: the owner's address begins with {@code emailPrefix}, their org is {@code orgName}. */
    protected OrgOwnerApiTest(String emailPrefix, String orgName) {
        this.emailPrefix = emailPrefix;
        this.orgName = orgName;
    }

    @BeforeEach
    protected void signUpOrgOwner() {
        owner = OrgOwner.signUp(api, emailPrefix, orgName);
    }
}
