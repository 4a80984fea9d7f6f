package it.forge;

/** Says hello. */
public final class Hello {
    private Hello() {}

    /** @return a greeting */
    public static String greeting() {
        return "hello";
    }
}
