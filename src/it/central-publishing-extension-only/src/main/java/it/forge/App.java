package it.forge;

public final class App {
    public static String name() {
        return "app";
    }
}
