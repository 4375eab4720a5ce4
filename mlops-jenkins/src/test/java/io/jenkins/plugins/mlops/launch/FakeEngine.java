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
            case "lines" -> { // numbered lines, alternately on standard output and standard error
                int count = Integer.parseInt(args[1]);
                for (int i = 1; i <= count; i++) {
                    (i % 2 == 0 ? System.err : System.out).println("line " + i + " of " + count);
                    (i % 2 == 0 ? System.err : System.out).flush();
                }
            }
            case "slow-metadata" -> { // prints, waits, then writes a metadata document and exits with a code
                System.err.println("[mlops] started " + ProcessHandle.current().pid());
                Path pid = Path.of(args[2] + ".pid").toAbsolutePath();
                Files.createDirectories(pid.getParent());
                Files.writeString(pid, Long.toString(ProcessHandle.current().pid()));
                Thread.sleep(Long.parseLong(args[3]));
                Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
                Files.writeString(Path.of(args[1]), "{\"runId\": \"" + args[4] + "\"}");
                System.out.println("finished " + args[4]);
                System.exit(Integer.parseInt(args[5]));
            }
            case "echo" -> {
                for (int i = 1; i < args.length; i++) {
                    System.out.println("arg " + i + ": " + args[i]);
                }
                System.out.println("args: " + args.length);
            }
            default -> System.exit(2);
        }
    }
}
