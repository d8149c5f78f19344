package io.runledger.command.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.runledger.command.settings.ListSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's operators, by email ({@code RUNLEDGER_PLATFORM_ADMINS}): they manage the pattern catalog
 * and the read models. Emails compare without regard to case.
 */
@ConfigurationProperties("runledger")
public record PlatformAdmins(List<String> platformAdmins) {

    public PlatformAdmins {
        platformAdmins = ListSetting.values(platformAdmins).stream()
                .map(email -> email.toLowerCase(Locale.ROOT))
                .toList();
    }

    public boolean includes(String email) {
        return email != null && emails().contains(email.strip().toLowerCase(Locale.ROOT));
    }

    private Set<String> emails() {
        return platformAdmins.stream().collect(Collectors.toSet());
    }
}
