import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.client.ApiClient;
import io.runledger.client.ApiException;
import io.runledger.client.api.OrgsApi;
import io.runledger.client.api.RunsApi;
import io.runledger.client.model.NewOrg;
import io.runledger.client.model.OrgCreatedResponse;
import io.runledger.client.model.QueuedRun;
import io.runledger.client.model.RunRequest;
import io.runledger.client.model.RunView;

/**
 * The client generated from /v3/api-docs against what the service really answers (.ci/openapi-client.sh): each answer
 * the infra tests kept is read into the generated model of the schema the document names for it, refusing fields and
 * enum values the document does not have. The typed calls below compile only if the generated operations take and
 * return the models they should, without casts.
 */
public class OpenApiAnswers {

    static OrgCreatedResponse createOrg(OrgsApi orgs) throws ApiException {
        return orgs.createOrg(new NewOrg().name("Acme"), UUID.randomUUID().toString());
    }

    static RunView queueAndRead(RunsApi runs, UUID orgId) throws ApiException {
        QueuedRun queued = runs.queueRun(orgId, new RunRequest().pattern("summarize")
                .inputSource(RunRequest.InputSourceEnum.TEXT).input("Summarize me."), UUID.randomUUID().toString());
        return runs.getRun(orgId, queued.getId());
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = ApiClient.createDefaultObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File[] answers = new File(args[0]).listFiles((dir, name) -> name.endsWith(".json"));
        if (answers == null || answers.length == 0) {
            throw new IllegalStateException("No answers in " + args[0] + ": run the infra API tests first");
        }
        Arrays.sort(answers);
        List<String> failures = new ArrayList<>();
        TreeSet<String> schemas = new TreeSet<>();
        for (File answer : answers) {
            String schema = answer.getName().substring(0, answer.getName().indexOf('.'));
            schemas.add(schema);
            try {
                json.readValue(answer, Class.forName("io.runledger.client.model." + schema));
            } catch (Exception e) {
                failures.add(answer.getName() + ": " + e.getMessage());
            }
        }
        System.out.printf("%d real answers of %d schemas read into the generated client's models; %d failed%n",
                answers.length, schemas.size(), failures.size());
        failures.forEach(System.out::println);
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }
}
