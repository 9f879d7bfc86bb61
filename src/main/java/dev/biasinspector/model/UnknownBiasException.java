package dev.biasinspector.model;

import java.util.List;

/** A name typed by the user matches no bias of the model; carries the closest existing names. */
public class UnknownBiasException extends Exception {

    private final List<String> suggestions;

    public UnknownBiasException(String message, List<String> suggestions) {
        super(message);
        this.suggestions = List.copyOf(suggestions);
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
