package org.megacity.citymodel.generation;

import java.io.PrintStream;

/**
 * Prints each phase with its count and percentage at every tenth, and the seconds elapsed since the
 * start, so an operator watching a long start sees it moving:
 * <pre>
 * citymodel: [  4.1 s] communities              5,500/11,000   50%
 * </pre>
 */
public final class ConsoleProgress implements GenerationProgress {

    private final PrintStream out;
    private final long start = System.nanoTime();
    private String phase = "";
    private int total;
    private int done;
    private int lastTenth;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void phase(String name, int total) {
        this.phase = name;
        this.total = Math.max(total, 0);
        this.done = 0;
        this.lastTenth = -1;
        print();
    }

    @Override
    public synchronized void advance(int units) {
        done += units;
        int tenth = total == 0 ? 10 : (int) Math.min(10, (long) done * 10 / total);
        if (tenth > lastTenth) {
            print();
        }
    }

    /** Prints a line of its own, e.g. a summary, with the elapsed time. */
    public synchronized void say(String message) {
        out.printf("citymodel: [%5.1f s] %s%n", seconds(), message);
        out.flush();
    }

    /**
     * Repeats {@code message} with the elapsed time every {@code seconds} until closed: for a long
     * step that reports no progress of its own (the geography's import).
     */
    public Heartbeat heartbeat(String message, int seconds) {
        Thread beat = Thread.ofVirtual().name("citymodel-progress").start(() -> {
            try {
                while (true) {
                    Thread.sleep(seconds * 1000L);
                    say(message);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        return beat::interrupt;
    }

    /** Stops a heartbeat. */
    public interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void print() {
        lastTenth = total == 0 ? 10 : (int) Math.min(10, (long) done * 10 / total);
        int percent = total == 0 ? 100 : (int) Math.min(100, (long) done * 100 / total);
        out.printf("citymodel: [%5.1f s] %-20s %15s %4d%%%n", seconds(), phase,
                String.format("%,d/%,d", done, total), percent);
        out.flush();
    }
}
