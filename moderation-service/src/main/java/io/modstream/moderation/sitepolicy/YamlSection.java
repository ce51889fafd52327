package io.modstream.moderation.sitepolicy;

import io.modstream.moderation.policy.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A typed reader over one YAML mapping that records every problem with its line and dotted field path instead of
 * stopping at the first, and complains about keys nobody asked for (so a typo is an error, not a silent default).
 */
final class YamlSection {

    private final String path;
    private final int line;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final List<String> problems;

    private YamlSection(String path, @Nullable Node node, List<String> problems) {
        this.path = path;
        this.problems = problems;
        this.line = node == null ? 0 : node.getStartMark().getLine() + 1;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    values.put(key.getValue(), tuple.getValueNode());
                } else {
                    problem(tuple.getKeyNode(), "", "keys must be plain names");
                }
            }
        } else if (node != null) {
            problem(node, "", "must be a mapping of names to values");
        }
    }

    static YamlSection root(@Nullable Node node, List<String> problems) {
        return new YamlSection("", node, problems);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    YamlSection section(String key) {
        read.add(key);
        return new YamlSection(field(key), values.get(key), problems);
    }

    List<YamlSection> sections(String key) {
        read.add(key);
        Node node = values.get(key);
        List<YamlSection> sections = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                sections.add(new YamlSection(
                        field(key) + "[" + i + "]", sequence.getValue().get(i), problems));
            }
        } else if (node != null) {
            problem(node, key, "must be a list");
        }
        return sections;
    }

    @Nullable
    String string(String key, @Nullable String fallback, int maxLength) {
        read.add(key);
        Node node = values.get(key);
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, key, "must be a single value");
            return fallback;
        }
        if (scalar.getValue().length() > maxLength) {
            problem(node, key, "must be at most " + maxLength + " characters");
            return fallback;
        }
        return scalar.getValue();
    }

    String requiredString(String key, int maxLength) {
        String value = string(key, null, maxLength);
        if (value == null || value.isBlank()) {
            if (!values.containsKey(key)) {
                problems.add(at(line) + field(key) + ": is required");
            }
            return "";
        }
        return value;
    }

    int integer(String key, int fallback, int min, int max) {
        String text = string(key, null, 20);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                problem(values.get(key), key, "must be between " + min + " and " + max);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(values.get(key), key, "'" + text + "' is not a whole number");
            return fallback;
        }
    }

    boolean bool(String key, boolean fallback) {
        String text = string(key, null, 10);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problem(values.get(key), key, "'" + text + "' is not true or false");
                yield fallback;
            }
        };
    }

    double ratio(String key, double fallback) {
        String text = string(key, null, 20);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (!(value >= 0 && value <= 1)) {
                problem(values.get(key), key, "must be between 0 and 1");
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(values.get(key), key, "'" + text + "' is not a number");
            return fallback;
        }
    }

    /** A duration such as {@code 30s}, {@code 10m}, {@code 2h} or {@code 1d}. */
    Duration duration(String key, Duration fallback) {
        String text = string(key, null, 20);
        if (text == null) {
            return fallback;
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < trimmed.length() && Character.isDigit(trimmed.charAt(split))) {
            split++;
        }
        String unit = trimmed.substring(split);
        if (split == 0 || split > 9 || !Set.of("s", "m", "h", "d").contains(unit)) {
            problem(values.get(key), key, "'" + text + "' is not a duration such as 30s, 10m, 2h or 1d");
            return fallback;
        }
        long amount = Long.parseLong(trimmed.substring(0, split));
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    Action action(String key, Action fallback, Action... allowed) {
        String text = string(key, null, 20);
        if (text == null) {
            return fallback;
        }
        for (Action action : allowed) {
            if (action.name().equalsIgnoreCase(text.trim())) {
                return action;
            }
        }
        problem(values.get(key), key, "'" + text + "' is not one of " + names(allowed));
        return fallback;
    }

    <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
        String text = string(key, null, 20);
        if (text == null) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        problem(values.get(key), key, "'" + text + "' is not one of " + names(type.getEnumConstants()));
        return fallback;
    }

    /** A list of enum names in any case, such as language codes; each unknown name is a problem with its line. */
    <E extends Enum<E>> List<E> choices(String key, List<E> fallback, Class<E> type, int maxItems) {
        read.add(key);
        Node node = values.get(key);
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(node, key, "must be a list of at least one of " + names(type.getEnumConstants()));
            return fallback;
        }
        if (sequence.getValue().size() > maxItems) {
            problem(node, key, "may have at most " + maxItems + " entries");
            return fallback;
        }
        List<E> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            E value = item instanceof ScalarNode scalar ? named(scalar.getValue(), type) : null;
            if (value == null) {
                String text = item instanceof ScalarNode scalar ? scalar.getValue() : "(not a single value)";
                problem(item, key, "'" + text + "' is not one of " + names(type.getEnumConstants()));
            } else if (!result.contains(value)) {
                result.add(value);
            }
        }
        return result.isEmpty() ? fallback : result;
    }

    private static <E extends Enum<E>> @Nullable E named(String text, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        return null;
    }

    List<String> strings(String key, int maxItems, int maxLength) {
        read.add(key);
        Node node = values.get(key);
        List<String> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, key, "must be a list");
            return result;
        }
        if (sequence.getValue().size() > maxItems) {
            problem(node, key, "may have at most " + maxItems + " entries");
            return result;
        }
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar
                    && !scalar.getValue().isBlank()
                    && scalar.getValue().length() <= maxLength) {
                result.add(scalar.getValue().trim());
            } else {
                problem(item, key, "entries must be non-empty text of at most " + maxLength + " characters");
            }
        }
        return result;
    }

    /** Reports the keys of this mapping that no reader asked for. Call after reading the section. */
    void rejectUnknownKeys() {
        for (Map.Entry<String, Node> entry : values.entrySet()) {
            if (!read.contains(entry.getKey())) {
                problem(entry.getValue(), entry.getKey(), "is not a known setting");
            }
        }
    }

    void problem(@Nullable Node node, String key, String message) {
        int at = node == null ? line : node.getStartMark().getLine() + 1;
        problems.add(at(at) + field(key) + ": " + message);
    }

    private String field(String key) {
        if (key.isEmpty()) {
            return path.isEmpty() ? "(document)" : path;
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String at(int line) {
        return "line " + line + ", ";
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
