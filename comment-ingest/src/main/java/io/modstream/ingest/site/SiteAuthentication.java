package io.modstream.ingest.site;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated site backend. The principal is the site id; the key itself is not kept. */
public final class SiteAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final String siteId;

    public SiteAuthentication(String siteId) {
        super(List.of(new SimpleGrantedAuthority("ROLE_SITE")));
        this.siteId = siteId;
        setAuthenticated(true);
    }

    @Override
    public String getPrincipal() {
        return siteId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }
}
