package io.jenkins.plugins.mlops.launch;

import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in engine main class for child-process tests. */
public final class FakeEngine {
    private FakeEngine() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "progress" -> {
                int epochs = Integer.parseInt(args[1]);
                for (int i = 1; i <= epochs; i++) {
                    System.err.println("[mlops] epoch " + i + "/" + epochs);
                }
                System.out.println("trained in " + epochs + " epochs");
                System.exit(Integer.parseInt(args[2]));
            }
            case "error" -> {
                System.err.println("mlops: data/train.csv line 812: column 'amount' is not a number: \"12,5O\"");
                System.exit(3);
            }
            case "crash" -> {
                System.err.println("[mlops] reading data");
                throw new IllegalStateException("boom");
            }
            case "sleep" -> {
                Files.writeString(
                        Path.of(args[1]), Long.toString(ProcessHandle.current().pid()));
                System.err.println("[mlops] sleeping");
                Thread.sleep(60_000);
            }
            case "env" -> {
                String value = System.getenv(args[1]);
                System.err.println("[mlops] " + args[1]
                        + (value == null ? " is not set" : " has " + value.length() + " characters"));
                System.out.println("{\"tokenLength\": " + (value == null ? -1 : value.length()) + "}");
            }
            default -> System.exit(2);
        }
    }
}
