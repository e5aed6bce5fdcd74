package cn.linli.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Texts shown to people (error messages, enum labels), from i18n/messages_{zh,en}.properties. */
public final class Messages {
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            String resource = "i18n/messages_" + language.name().toLowerCase(Locale.ROOT) + ".properties";
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                TEXTS.put(language, properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Messages() {
    }

    public static String get(String key, Object... args) {
        return get(Language.current(), key, args);
    }

    public static String get(Language language, String key, Object... args) {
        String pattern = TEXTS.get(language).getProperty(key);
        if (pattern == null) {
            pattern = TEXTS.get(Language.ZH).getProperty(key, key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** The label of an enum constant in the current language: key {@code enum.<Type>.<CONSTANT>}. */
    public static String label(Enum<?> value) {
        return value == null ? null : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
