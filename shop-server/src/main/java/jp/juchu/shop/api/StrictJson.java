package jp.juchu.shop.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import jp.juchu.shop.system.InputRules;
import jp.juchu.shop.system.TimeConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The API reads JSON as its documents describe it and nothing looser: an integer is a JSON integer (not
 * {@code "5"}, not {@code 5.5}), an enumeration is one of its words (not its position), a yes/no or boolean
 * is not a number or a string, and text carries no control characters. Each refusal is a 400 naming the
 * field ({@link ApiProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(
                        LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-text")
                        .addDeserializer(String.class, new Text())
                        .addDeserializer(OffsetDateTime.class, new DateTime())
                        .addDeserializer(LocalDate.class, new Date())
                        // (written, not read: the same text as Jackson's, made faster)
                        .addSerializer(OffsetDateTime.class, new DateTimeText()));
    }

    /** A date-time with an offset, or without one: then it is Japan time ({@code 2026-11-21T00:00:00}). */
    static final class DateTime extends StdScalarDeserializer<OffsetDateTime> {

        DateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getString().strip();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text)
                            .atZone(TimeConfiguration.TOKYO)
                            .toOffsetDateTime();
                } catch (DateTimeParseException e) {
                    throw ctxt.weirdStringException(text, OffsetDateTime.class, "not an ISO-8601 date-time");
                }
            }
        }
    }

    /** A calendar date ({@code yyyy-MM-dd}) in the years a person means ({@link InputRules#MIN_YEAR}–{@link InputRules#MAX_YEAR}). */
    static final class Date extends StdScalarDeserializer<LocalDate> {

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().strip();
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() >= InputRules.MIN_YEAR && date.getYear() <= InputRules.MAX_YEAR) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // refused below, as a date out of range is
            }
            throw ctxt.weirdStringException(text, LocalDate.class, "not a date yyyy-MM-dd in 2000–2099");
        }
    }

    /** JSON text as Jackson reads it, refused when it holds a control character. */
    static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (InputRules.hasControlCharacters(value)) {
                throw ctxt.weirdStringException(value, String.class, "contains a control character");
            }
            return value;
        }
    }
}
