package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writers' lock of one registry: an exclusive OS file lock on {@code <root>/.lock} across processes,
 * and a lock per registry folder inside this JVM (OS file locks belong to the whole JVM, so two threads
 * must not both take one). The OS releases the file lock when a process dies.
 */
final class RegistryLock {
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock local;

    RegistryLock(final Path canonicalRoot) {
        this.lockFile = canonicalRoot.resolve(".lock");
        this.local = IN_JVM.computeIfAbsent(canonicalRoot, root -> new ReentrantLock());
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held acquire() {
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            FileChannel open = channel;
            return () -> {
                try {
                    lock.release();
                    open.close();
                } catch (IOException exception) {
                    // closing the channel releases the lock in any case
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException exception) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // nothing more to release
            }
            local.unlock();
            throw new MlopsException(lockFile + ": cannot lock the registry: " + exception.getMessage(), exception);
        }
    }
}
