package io.modstream.moderation.sitepolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A policy log in memory, shared by the instances a test starts one after the other to stand for restarts. */
final class InMemoryPolicyLog implements PolicyLog {

    final List<Published> recorded = new ArrayList<>();
    boolean failing;

    @Override
    public synchronized Map<String, Published> latest() {
        Map<String, Published> latest = new HashMap<>();
        recorded.forEach(published -> latest.put(published.siteId(), published));
        return latest;
    }

    @Override
    public synchronized void record(Published published) {
        if (failing) {
            throw new IllegalStateException("the broker is down");
        }
        recorded.add(published);
    }
}
