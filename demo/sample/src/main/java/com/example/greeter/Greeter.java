package com.example.greeter;

/** Greets. */
public final class Greeter {
    private Greeter() {}

    /** Prints a greeting. */
    public static void main(String[] args) {
        System.out.println("Hello from the generic registry");
    }
}
