package io.modstream.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the load tests: {@code --name value} pairs, then optionally {@code --service-args} followed by
 * arguments passed to moderation-service as they are.
 */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final List<String> serviceArgs;

    Options(String[] args, Set<String> known) {
        int end = Arrays.asList(args).indexOf("--service-args");
        serviceArgs = end < 0 ? List.of() : List.of(args).subList(end + 1, args.length);
        int last = end < 0 ? args.length : end;
        for (int i = 0; i < last; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException(
                        "Unknown option " + name + "; known: --" + String.join(", --", known));
            }
            if (i + 1 >= last) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    long number(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "")) : fallback;
    }

    Path path(String name, String fallback) {
        return Path.of(string(name, fallback));
    }

    /** Whitespace-separated JVM options for the service, e.g. {@code --service-jvm "-Xmx512m -XX:+UseG1GC"}. */
    List<String> words(String name) {
        String value = string(name, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    List<String> serviceArgs() {
        return serviceArgs;
    }
}
