package io.github.forgemaven.testing;

import io.github.forgemaven.testing.forge.Flavour;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit fixture of the tests that talk to the emulator: a {@link RegistryEmulator} field with this
 * annotation holds a {@link StandardFixture} emulator started before each test and closed after it (also
 * when the test replaced it with one of other settings). Its flavour is the test class's {@link Flavour}
 * field when it has one, which {@code @ParameterizedClass @EnumSource(Flavour.class)} with {@code @Parameter}
 * fills to run the class against Forgejo and Gitea, and Forgejo otherwise.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StandardEmulator.Extension.class)
public @interface StandardEmulator {

    /** Starts and closes the emulators of the annotated fields. */
    final class Extension implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) throws IllegalAccessException {
            Object test = context.getRequiredTestInstance();
            Flavour flavour = flavourOf(test);
            for (Field field : emulatorFields(test.getClass())) {
                field.set(test, StandardFixture.start(flavour));
            }
        }

        @Override
        public void afterEach(ExtensionContext context) throws IllegalAccessException {
            Object test = context.getRequiredTestInstance();
            for (Field field : emulatorFields(test.getClass())) {
                RegistryEmulator emulator = (RegistryEmulator) field.get(test);
                if (emulator != null) {
                    emulator.close();
                }
            }
        }

        private static Flavour flavourOf(Object test) throws IllegalAccessException {
            for (Class<?> type = test.getClass(); type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getType() == Flavour.class) {
                        field.setAccessible(true);
                        Flavour flavour = (Flavour) field.get(test);
                        return flavour == null ? Flavour.FORGEJO : flavour;
                    }
                }
            }
            return Flavour.FORGEJO;
        }

        private static List<Field> emulatorFields(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(StandardEmulator.class)) {
                        if (field.getType() != RegistryEmulator.class) {
                            throw new IllegalStateException(
                                    "@StandardEmulator on " + field + ", not a RegistryEmulator");
                        }
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return fields;
        }
    }
}
