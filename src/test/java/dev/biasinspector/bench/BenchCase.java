package dev.biasinspector.bench;

import java.nio.file.Path;

/** One benchmark input, given to JMH as a single {@code path#biasName} parameter. */
record BenchCase(Path file, String biasName) {

    static BenchCase parse(String parameter) {
        int hash = parameter.lastIndexOf('#');
        if (hash <= 0 || hash == parameter.length() - 1) {
            throw new IllegalArgumentException("expected path#biasName, got '" + parameter + "'");
        }
        return new BenchCase(Path.of(parameter.substring(0, hash)), parameter.substring(hash + 1));
    }
}
