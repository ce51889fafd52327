package io.modstream.ingest.demo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * How the demo site reaches the ingest API: like any site backend, over HTTP with its key.
 *
 * @param apiUrl where the ingest API answers, normally this same process
 * @param siteKey the site's API key; held by the demo backend only, never sent to the browser
 */
// Found by the application's properties scan, which honours the profile: other profiles need no demo settings.
@Profile("local")
@Validated
@ConfigurationProperties("modstream.demo")
record DemoProperties(@NotNull URI apiUrl, @NotBlank String siteKey) {}
