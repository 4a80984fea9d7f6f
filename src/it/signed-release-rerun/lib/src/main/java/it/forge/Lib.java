package it.forge;

public final class Lib {
    public static String name() {
        return "lib";
    }
}
