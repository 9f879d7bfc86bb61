package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.djl.BlockHeader.Layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the block headers that lie between two parameter records (a "gap").
 *
 * <p>In DJL's pre-order layout a gap holds the headers of every block that starts between two
 * parameters: parameter-less blocks (activations, nested SequentialBlocks) followed by the header
 * of the block that owns the next parameter. Headers carry no length, so the gap is parsed as a
 * small grammar over the known layouts with backtracking; a parse is accepted only if it covers
 * the gap exactly and its last header fits the parameter that follows (a Linear header's units
 * and input features must equal that weight's shape). If no parse is found the caller falls back
 * to grouping parameters without block headers.
 */
final class BlockLayoutParser {

    /** Generous for real gaps (a few headers); stops pathological backtracking on foreign bytes. */
    private static final int STEP_BUDGET = 20_000;
    /** Anything larger in a metadata count or size field means we are misreading. */
    private static final long MAX_PLAUSIBLE = 1L << 40;
    private static final int MAX_INPUTS = 64;
    /**
     * Headers in one gap. Each header is one level of {@link #parse}'s recursion, so this keeps the
     * stack shallow (a real gap holds a handful: activations, nested blocks, the next layer's
     * header); a gap of more is not understood and the caller groups parameters without headers.
     */
    static final int MAX_GAP_HEADERS = 256;
    private static final Set<String> BATCH_NORM_PARAMS = Set.of("gamma", "beta", "runningMean", "runningVar");
    private static final Set<String> LAYER_NORM_PARAMS = Set.of("gamma", "beta");

    private final BinaryCursor in;
    private int steps;

    BlockLayoutParser(BinaryCursor in) {
        this.in = in;
    }

    /**
     * Parses {@code [from, to)}.
     *
     * @param next               the parameter right after the gap, or null at the end of the file
     * @param continuesPrevious  whether an uninitialised-parameter mark may open the gap (it then
     *                           belongs to the block before it)
     * @return the tokens, or null when the bytes are not a sequence of known headers
     */
    List<Token> parseGap(long from, long to, ParameterRecord next, boolean continuesPrevious) {
        steps = 0;
        List<Token> tokens = new ArrayList<>();
        return parse(from, to, next, continuesPrevious, tokens) ? tokens : null;
    }

    /** A header, or an uninitialised parameter ({@code 00 4E}, which has no name). */
    record Token(BlockHeader header) {
        boolean isUninitialisedParameter() {
            return header == null;
        }
    }

    private boolean parse(long at, long to, ParameterRecord next, boolean afterBlock, List<Token> tokens) {
        if (++steps > STEP_BUDGET || tokens.size() >= MAX_GAP_HEADERS) {
            return false;
        }
        if (at == to) {
            return acceptsEnd(tokens, next);
        }
        int size = tokens.size();
        if (afterBlock && isUninitialisedMark(at, to)) {
            tokens.add(new Token(null));
            if (parse(at + 2, to, next, true, tokens)) {
                return true;
            }
            truncate(tokens, size);
        }
        if (!tokens.isEmpty() && !tokens.get(size - 1).isUninitialisedParameter()
                && !canHoldNoParameters(tokens.get(size - 1).header())) {
            // a Linear/BatchNorm/... header directly followed by another header: it would own no parameter
            return false;
        }
        int version;
        try {
            in.seek(at);
            version = in.u8();
        } catch (ModelFormatException e) {
            return false;
        }
        for (Layout layout : candidates(version)) {
            BlockHeader header = tryLayout(layout, version, at, to);
            if (header == null) {
                continue;
            }
            tokens.add(new Token(header));
            if (parse(in.position(), to, next, true, tokens)) {
                return true;
            }
            truncate(tokens, size);
        }
        return false;
    }

    private boolean acceptsEnd(List<Token> tokens, ParameterRecord next) {
        Token lastToken = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (next == null) {
            // End of file: the last block must be one that legitimately holds nothing, such as a
            // final activation. An empty SequentialBlock or a Linear header without its weight
            // is what a file cut short looks like.
            return lastToken == null || lastToken.isUninitialisedParameter()
                    || (lastToken.header().layout() == Layout.DEFAULT && canHoldNoParameters(lastToken.header()));
        }
        BlockHeader last = null;
        for (int i = tokens.size() - 1; i >= 0 && last == null; i--) {
            last = tokens.get(i).header();
        }
        if (lastToken == null || lastToken.isUninitialisedParameter()) {
            // the next parameter continues the block before the gap
            return last == null || fits(last, next);
        }
        return fits(last, next);
    }

    /** Whether {@code header}'s block can own {@code first} as its first initialised parameter. */
    private static boolean fits(BlockHeader header, ParameterRecord first) {
        return switch (header.layout()) {
            case LINEAR -> "weight".equals(first.localName()) && first.rank() == 2
                    && first.shape()[0] == header.units() && first.shape()[1] == header.inFeatures();
            case BATCH_NORM -> BATCH_NORM_PARAMS.contains(first.localName());
            case LAYER_NORM -> LAYER_NORM_PARAMS.contains(first.localName());
            case EMBEDDING -> "embedding".equals(first.localName());
            case SEQUENTIAL -> false;
            case DEFAULT -> true;
        };
    }

    /**
     * Whether a block with this header can own no parameters. Versions 3, 4 and 6 in the default
     * layout would be Convolution (always has a weight) or misreadings of Linear/Embedding headers.
     */
    private static boolean canHoldNoParameters(BlockHeader header) {
        return switch (header.layout()) {
            case SEQUENTIAL -> true;
            case DEFAULT -> header.version() != 3 && header.version() != 4 && header.version() != 6;
            default -> false;
        };
    }

    /** Known layouts for a version byte, most specific first. */
    private static List<Layout> candidates(int version) {
        return switch (version) {
            case 1 -> List.of(Layout.LAYER_NORM, Layout.DEFAULT);
            case 2 -> List.of(Layout.BATCH_NORM, Layout.DEFAULT);
            case 3 -> List.of(Layout.SEQUENTIAL, Layout.DEFAULT);
            case 4 -> List.of(Layout.LINEAR, Layout.DEFAULT);
            case 6 -> List.of(Layout.EMBEDDING, Layout.DEFAULT);
            default -> version > 0 && version < 32 ? List.of(Layout.DEFAULT) : List.of();
        };
    }

    /** Reads one layout's metadata after the version byte; null (cursor undefined) if it does not fit. */
    private BlockHeader tryLayout(Layout layout, int version, long at, long to) {
        try {
            BinaryCursor gap = in.window(at + 1, to);
            long units = -1;
            long inFeatures = -1;
            switch (layout) {
                case LINEAR -> {
                    units = plausible(gap.i64());
                    inFeatures = plausible(gap.i64());
                    DjlShape.read(gap);
                }
                case SEQUENTIAL -> {
                    inputShapes(gap);
                    if (gap.u8() > 1) {
                        return null;
                    }
                }
                case BATCH_NORM -> {
                    inputShapes(gap);
                    plausible(gap.i64());
                }
                case LAYER_NORM -> {
                    inputShapes(gap);
                    DjlShape.read(gap);
                }
                case EMBEDDING -> {
                    inputShapes(gap);
                    int sparseFormat = gap.i32();
                    if (sparseFormat < 0 || sparseFormat > 16) {
                        return null;
                    }
                }
                case DEFAULT -> inputShapes(gap);
            }
            in.seek(gap.position());
            return new BlockHeader(layout, version, at, units, inFeatures);
        } catch (ModelFormatException e) {
            return null;
        }
    }

    private static void inputShapes(BinaryCursor gap) throws ModelFormatException {
        int count = gap.i32();
        if (count < 0 || count > MAX_INPUTS) {
            throw new ModelFormatException("not a block header");
        }
        for (int i = 0; i < count; i++) {
            DjlShape.read(gap);
        }
    }

    private static long plausible(long value) throws ModelFormatException {
        if (value < 0 || value > MAX_PLAUSIBLE) {
            throw new ModelFormatException("not a block header");
        }
        return value;
    }

    private boolean isUninitialisedMark(long at, long to) {
        try {
            in.seek(at);
            return to - at >= 2 && in.u8() == 0 && in.u8() == 'N';
        } catch (ModelFormatException e) {
            return false;
        }
    }

    private static void truncate(List<Token> tokens, int size) {
        while (tokens.size() > size) {
            tokens.remove(tokens.size() - 1);
        }
    }
}
