package it.forge;

public final class Hello {
    public static String greeting() {
        return "released";
    }
}
