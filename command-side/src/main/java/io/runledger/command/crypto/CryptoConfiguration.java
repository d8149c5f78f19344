package io.runledger.command.crypto;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data keys of personal data (docs/erasure.md), wrapped by the operator's master key. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    SubjectKeys subjectKeys(
            JdbcClient jdbc,
            @Value("${runledger.master-key:}") String masterKey,
            @Value("${runledger.master-key-file:}") String masterKeyFile,
            @Value("${runledger.db.data-dir:${user.home}/.runledger}") Path dataDir,
            @Value("${runledger.erasure.key-cache-size:100000}") long cacheSize,
            @Value("${runledger.erasure.key-cache-ttl:60s}") Duration cacheTtl) {
        return new SubjectKeys(
                new SubjectKeyTable(jdbc),
                MasterKeySource.resolve(masterKey, masterKeyFile, dataDir),
                cacheSize,
                cacheTtl);
    }

    @Bean
    SealedValues sealedValues(SubjectKeys keys) {
        return new SealedValues(keys);
    }
}
