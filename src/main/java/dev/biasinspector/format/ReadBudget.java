package dev.biasinspector.format;

/**
 * How much of one tensor any reader materialises. Real biases hold at most some hundred thousand
 * values; a file that claims more for one tensor — often a stride-0 view of a few bytes claiming
 * millions — is refused with a sentence before anything is allocated.
 */
public final class ReadBudget {

    /** 2^24 = 16,777,216 values, 64 MiB as floats: room beside a chart in a 256 MB heap. */
    public static final long MAX_TENSOR_VALUES = 1L << 24;

    private ReadBudget() {
    }

    /** Refuses a read of {@code count} values of tensor {@code name} over the budget. */
    public static void checkValues(String name, long count) throws ModelFormatException {
        if (count > MAX_TENSOR_VALUES) {
            throw new ModelFormatException("tensor " + name + " has " + count + " values, more than the "
                    + MAX_TENSOR_VALUES + " this app reads for one tensor");
        }
    }
}
