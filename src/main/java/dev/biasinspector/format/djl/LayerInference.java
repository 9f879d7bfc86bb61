package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.djl.BlockHeader.Layout;
import dev.biasinspector.format.djl.BlockLayoutParser.Token;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.model.TensorData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the parameter records of a DJL file into a module tree with names a user can type.
 *
 * <p>DJL names children in memory as {@code %02d<SimpleClassName>} ({@code 01Linear},
 * {@code 02LambdaBlock}) and joins levels with {@code _}; the file stores none of these names.
 * We rebuild them: the module path is the child name ({@code 01Linear}) and the parameter name is
 * {@code 01Linear.bias}, so replacing the dot by an underscore gives DJL's
 * {@code getParameters()} key.
 *
 * <p>Two levels of knowledge:
 * <ol>
 * <li>Block headers parsed ({@link BlockLayoutParser}): every block is known, parameter-less ones
 * (activations) included, so the numbering equals DJL's for a flat SequentialBlock. Nested
 * SequentialBlocks are detected, but the file does not record where they end (a nested block
 * followed by a sibling is byte-identical to one more child of the nested block), so nested
 * blocks are flattened: they get no node and are not counted, and the blocks after them are
 * numbered on as children of the root.</li>
 * <li>Headers not understood (custom block classes): parameters are grouped by contiguity.
 * Parameters of one block are written back to back, and any other block puts at least its
 * version byte between them, so each run of adjacent records is one block. Only blocks that
 * hold parameters are numbered.</li>
 * </ol>
 * Class names are inferred: Linear, Conv{n}d, BatchNorm, LayerNorm, Embedding, Prelu come from
 * the metadata layout or the parameter shapes; a parameter-less block of version 2 is called
 * LambdaBlock (it may also be a Dropout or ParallelBlock); anything else is "Block".
 */
final class LayerInference {

    static final String STRUCTURE_KEY = "structure";
    static final String UNINITIALISED_KEY = "uninitialisedParameters";

    private LayerInference() {
    }

    /**
     * @param headersUnderstood whether every block header was parsed (else layers come from
     *                          grouping adjacent parameters)
     */
    record Result(ModuleNode root, Map<String, String> notes, boolean headersUnderstood) {
    }

    /** A block: its header (null when only grouped by contiguity) and its initialised parameters. */
    private static final class Block {
        final BlockHeader header;
        final List<ParameterRecord> records = new ArrayList<>();
        int uninitialised;

        Block(BlockHeader header) {
            this.header = header;
        }
    }

    static Result infer(BinaryCursor in, long blockStart, List<ParameterRecord> records,
                        Function<ParameterRecord, TensorData> data) throws ModelFormatException {
        List<Block> blocks = parseBlocks(in, blockStart, records);
        if (blocks != null) {
            return fromBlocks(blocks, data);
        }
        return fromContiguity(records, data);
    }

    /**
     * All blocks in pre-order, or null when some gap is not a sequence of known headers.
     *
     * @throws ModelFormatException when every gap but the last one parses: a file cut short ends
     *                              in a partial header, while a custom block would already have
     *                              broken an earlier gap (it only lacks a header parse if it is a
     *                              parameter-less block at the very end, which is rare)
     */
    private static List<Block> parseBlocks(BinaryCursor in, long blockStart, List<ParameterRecord> records)
            throws ModelFormatException {
        BlockLayoutParser parser = new BlockLayoutParser(in);
        List<Block> blocks = new ArrayList<>();
        long from = blockStart;
        for (int i = 0; i <= records.size(); i++) {
            ParameterRecord next = i < records.size() ? records.get(i) : null;
            long to = next == null ? in.limit() : next.start();
            if (from < to) {
                List<Token> tokens = parser.parseGap(from, to, next, !blocks.isEmpty());
                if (tokens == null) {
                    if (next == null && !records.isEmpty()) {
                        throw new ModelFormatException(BinaryCursor.TRUNCATED);
                    }
                    return null;
                }
                for (Token token : tokens) {
                    if (token.isUninitialisedParameter()) {
                        blocks.get(blocks.size() - 1).uninitialised++;
                    } else {
                        blocks.add(new Block(token.header()));
                    }
                }
            } else if (blocks.isEmpty()) {
                return null;
            }
            if (next != null) {
                blocks.get(blocks.size() - 1).records.add(next);
                from = next.end();
            }
        }
        return blocks.isEmpty() ? null : blocks;
    }

    private static Result fromBlocks(List<Block> blocks, Function<ParameterRecord, TensorData> data) {
        Block rootBlock = blocks.get(0);
        boolean hasChildren = blocks.size() > 1;
        ModuleNode root = new ModuleNode("", className(rootBlock, hasChildren));
        addParameters(root, rootBlock.records, data);
        int uninitialised = rootBlock.uninitialised;
        int number = 0;
        int nested = 0;
        for (Block block : blocks.subList(1, blocks.size())) {
            uninitialised += block.uninitialised;
            if (block.header.layout() == Layout.SEQUENTIAL) {
                nested++;
                continue;
            }
            number++;
            ModuleNode child = new ModuleNode(childName(number, className(block, false)), className(block, false));
            addParameters(child, block.records, data);
            root.addChild(child);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(STRUCTURE_KEY, nested == 0
                ? "block headers read; names follow DJL's child numbering, class names are inferred"
                : "block headers read; " + nested + " nested SequentialBlock(s) flattened because the file"
                        + " does not record where they end, so names differ from DJL's nested names");
        if (uninitialised > 0) {
            notes.put(UNINITIALISED_KEY, Integer.toString(uninitialised));
        }
        return new Result(root, notes, true);
    }

    private static Result fromContiguity(List<ParameterRecord> records, Function<ParameterRecord, TensorData> data) {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (ParameterRecord record : records) {
            if (current == null || current.records.get(current.records.size() - 1).end() != record.start()) {
                current = new Block(null);
                blocks.add(current);
            }
            current.records.add(record);
        }
        ModuleNode root = new ModuleNode("", "Block");
        int number = 0;
        for (Block block : blocks) {
            number++;
            String type = classFromParameters(block.records);
            ModuleNode child = new ModuleNode(childName(number, type), type);
            addParameters(child, block.records, data);
            root.addChild(child);
        }
        return new Result(root, Map.of(STRUCTURE_KEY, "block headers not understood (custom block classes?);"
                + " layers grouped from adjacent parameters, parameter-less blocks not counted"), false);
    }

    private static String childName(int number, String className) {
        return String.format(Locale.ROOT, "%02d%s", number, className);
    }

    private static void addParameters(ModuleNode module, List<ParameterRecord> records,
                                      Function<ParameterRecord, TensorData> data) {
        for (ParameterRecord r : records) {
            String name = module.path().isEmpty() ? r.localName() : module.path() + "." + r.localName();
            module.addParameter(new Parameter(name, r.localName(), r.shape(), r.array().dtype(), data.apply(r)));
        }
    }

    private static String className(Block block, boolean hasChildren) {
        return switch (block.header.layout()) {
            case LINEAR -> "Linear";
            case SEQUENTIAL -> "SequentialBlock";
            case BATCH_NORM -> "BatchNorm";
            case LAYER_NORM -> "LayerNorm";
            case EMBEDDING -> "Embedding";
            case DEFAULT -> {
                if (!block.records.isEmpty()) {
                    yield classFromParameters(block.records);
                }
                // a parameter-less block that others follow at the root is a container of some kind
                yield !hasChildren && block.header.version() == 2 ? "LambdaBlock" : "Block";
            }
        };
    }

    /** Class guess from a block's parameters alone. */
    static String classFromParameters(List<ParameterRecord> records) {
        ParameterRecord weight = records.stream().filter(r -> r.localName().equals("weight")).findFirst().orElse(null);
        Set<String> names = new java.util.HashSet<>();
        records.forEach(r -> names.add(r.localName()));
        if (weight != null && weight.rank() == 2 && isWeightAndOptionalBias(records, weight)) {
            return "Linear";
        }
        if (weight != null && weight.rank() >= 3) {
            return "Conv" + (weight.rank() - 2) + "d";
        }
        if (names.contains("runningMean") || names.contains("runningVar")) {
            return "BatchNorm";
        }
        if (Set.of("gamma", "beta").containsAll(names)) {
            return "LayerNorm";
        }
        if (names.equals(Set.of("embedding"))) {
            return "Embedding";
        }
        if (names.equals(Set.of("alpha"))) {
            return "Prelu";
        }
        return "Block";
    }

    private static boolean isWeightAndOptionalBias(List<ParameterRecord> records, ParameterRecord weight) {
        if (records.size() == 1) {
            return true;
        }
        if (records.size() != 2) {
            return false;
        }
        ParameterRecord other = records.get(0) == weight ? records.get(1) : records.get(0);
        return other.localName().equals("bias") && other.rank() == 1 && other.shape()[0] == weight.shape()[0];
    }
}
