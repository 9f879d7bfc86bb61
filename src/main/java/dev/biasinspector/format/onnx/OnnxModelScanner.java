package dev.biasinspector.format.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.onnx.proto.OnnxProto.AttributeProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.GraphProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.ModelProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.NodeProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.TensorProto;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks an ONNX file's ModelProto and its main GraphProto field by field instead of building the
 * whole ModelProto, which would copy every weight into memory (and which protobuf-java refuses
 * above 2 GiB). Small messages (opset ids, metadata entries) are parsed whole with the classes
 * generated from onnx.proto; nodes are read field by field, and the graphs in their attributes
 * (the branches of {@code If}, the bodies of {@code Loop} and {@code Scan}: {@code torch.onnx.export}
 * puts the Linear layers of a scripted {@code if} there) are walked like the main graph, their
 * nodes and initializers joining the main graph's (ONNX names are unique across a graph and its
 * subgraphs). For each initializer, name, dims, data type and where its data lies are recorded,
 * and {@code raw_data} is skipped.
 *
 * <p>Budgets: every length is checked against what its enclosing message has left; nodes,
 * initializers, dims, strings, metadata and opset entries are capped, and subgraphs nest at most
 * {@link #MAX_GRAPH_DEPTH} deep.
 */
final class OnnxModelScanner {

    static final int MAX_NODES = 2_000_000;
    static final int MAX_INITIALIZERS = 1_000_000;
    static final int MAX_DIMS = 32;
    static final int MAX_NAME_BYTES = 64 * 1024;
    /** How deep subgraphs (If branches, Loop bodies) may nest inside each other. */
    static final int MAX_GRAPH_DEPTH = 32;
    private static final int MAX_SMALL_MESSAGE_BYTES = 1 << 20;
    private static final int MAX_METADATA_ENTRIES = 1000;
    private static final int MAX_SHOWN_VALUE_CHARS = 4096;
    private static final int MAX_OPSETS = 1000;
    private static final int MAX_EXTERNAL_ENTRIES = 16;

    /** The node kinds a bias can sit on or pass through; the others are only counted. */
    static final Set<String> LAYER_OPS = Set.of("Gemm", "Conv", "ConvTranspose", "MatMul", "Add", "Identity");

    private final ProtoCursor cursor;
    private final long fileSize;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<String> opsets = new ArrayList<>();
    private final List<GraphNode> nodes = new ArrayList<>();
    private final Map<String, InitializerRecord> initializers = new LinkedHashMap<>();
    private long nodeCount;
    private int initializerCount;
    private String graphName = "";
    private boolean sawGraph;

    private OnnxModelScanner(FileChannel channel, long fileSize) {
        this.cursor = new ProtoCursor(channel, 0, fileSize);
        this.fileSize = fileSize;
    }

    static OnnxGraph scan(FileChannel channel) throws IOException {
        OnnxModelScanner scanner = new OnnxModelScanner(channel, channel.size());
        try {
            scanner.walkModel();
        } catch (InvalidProtocolBufferException e) {
            String message = String.valueOf(e.getMessage());
            throw new ModelFormatException(message.contains("ended unexpectedly") || message.contains("truncated")
                    ? "the ONNX file is truncated"
                    : "the file is not an ONNX model (its protobuf data is malformed)", e);
        }
        return scanner.result();
    }

    private OnnxGraph result() throws ModelFormatException {
        if (!sawGraph) {
            throw new ModelFormatException("the file is not an ONNX model (it has no graph)");
        }
        Map<String, String> shown = new LinkedHashMap<>(properties);
        if (!opsets.isEmpty()) {
            shown.put("opset", String.join(", ", opsets));
        }
        if (!graphName.isEmpty()) {
            shown.put("graph", graphName);
        }
        shown.put("nodes", Long.toString(nodeCount));
        shown.put("initializers", Integer.toString(initializerCount));
        metadata.forEach((key, value) -> shown.put(shown.containsKey(key) ? "metadata." + key : key, value));
        return new OnnxGraph(shown, graphName, nodes, nodeCount, initializers);
    }

    private void walkModel() throws IOException {
        while (cursor.position() < fileSize) {
            int tag = cursor.readTag();
            switch (ProtoCursor.field(tag)) {
                case ModelProto.IR_VERSION_FIELD_NUMBER ->
                        properties.put("ir_version", Long.toString(cursor.readVarint(tag, "ir_version")));
                case ModelProto.PRODUCER_NAME_FIELD_NUMBER ->
                        properties.put("producer_name", shown(cursor.readString(tag, fileSize, MAX_NAME_BYTES, "producer_name")));
                case ModelProto.PRODUCER_VERSION_FIELD_NUMBER ->
                        properties.put("producer_version", shown(cursor.readString(tag, fileSize, MAX_NAME_BYTES, "producer_version")));
                case ModelProto.DOMAIN_FIELD_NUMBER ->
                        properties.put("domain", shown(cursor.readString(tag, fileSize, MAX_NAME_BYTES, "domain")));
                case ModelProto.MODEL_VERSION_FIELD_NUMBER ->
                        properties.put("model_version", Long.toString(cursor.readVarint(tag, "model_version")));
                case ModelProto.OPSET_IMPORT_FIELD_NUMBER -> {
                    OperatorSetIdProto opset = cursor.parse(tag, fileSize, OperatorSetIdProto.parser(),
                            MAX_SMALL_MESSAGE_BYTES, "an opset_import entry");
                    if (opsets.size() < MAX_OPSETS) {
                        opsets.add((opset.getDomain().isEmpty() ? "ai.onnx" : shown(opset.getDomain())) + " " + opset.getVersion());
                    }
                }
                case ModelProto.METADATA_PROPS_FIELD_NUMBER -> {
                    StringStringEntryProto entry = cursor.parse(tag, fileSize, StringStringEntryProto.parser(),
                            MAX_SMALL_MESSAGE_BYTES, "a metadata_props entry");
                    if (metadata.size() < MAX_METADATA_ENTRIES) {
                        metadata.put(shown(entry.getKey()), shown(entry.getValue()));
                    }
                }
                case ModelProto.GRAPH_FIELD_NUMBER -> {
                    long length = cursor.readLength(tag, fileSize, "the graph");
                    sawGraph = true;
                    walkGraph(cursor.position() + length, 0);
                }
                default -> cursor.skipField(tag, fileSize, "the model");
            }
            cursor.checkWithin(fileSize, "the model");
            cursor.rebase();
        }
    }

    /** A GraphProto ending at {@code end}: the main graph at depth 0, a node attribute's below it. */
    private void walkGraph(long end, int depth) throws IOException {
        while (cursor.position() < end) {
            int tag = cursor.readTag();
            switch (ProtoCursor.field(tag)) {
                case GraphProto.NODE_FIELD_NUMBER -> readNode(tag, end, depth);
                case GraphProto.INITIALIZER_FIELD_NUMBER -> readInitializer(tag, end);
                case GraphProto.NAME_FIELD_NUMBER -> {
                    String name = shown(cursor.readString(tag, end, MAX_NAME_BYTES, "the graph's name"));
                    if (depth == 0) {
                        graphName = name;
                    }
                }
                default -> cursor.skipField(tag, end, "the graph");
            }
            cursor.checkWithin(end, "the graph");
            cursor.rebase();
        }
    }

    /** A NodeProto: its names are kept, graph-valued attributes walked, everything else skipped. */
    private void readNode(int tag, long graphEnd, int depth) throws IOException {
        if (++nodeCount > MAX_NODES) {
            throw new ModelFormatException("the ONNX graph has more than " + MAX_NODES + " nodes");
        }
        long length = cursor.readLength(tag, graphEnd, "a node");
        long end = cursor.position() + length;
        String name = "";
        String opType = "";
        String domain = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (cursor.position() < end) {
            int field = cursor.readTag();
            switch (ProtoCursor.field(field)) {
                case NodeProto.INPUT_FIELD_NUMBER -> inputs.add(cursor.readString(field, end, MAX_NAME_BYTES, "a node input"));
                case NodeProto.OUTPUT_FIELD_NUMBER -> outputs.add(cursor.readString(field, end, MAX_NAME_BYTES, "a node output"));
                case NodeProto.NAME_FIELD_NUMBER -> name = cursor.readString(field, end, MAX_NAME_BYTES, "a node name");
                case NodeProto.OP_TYPE_FIELD_NUMBER -> opType = cursor.readString(field, end, MAX_NAME_BYTES, "a node's op_type");
                case NodeProto.DOMAIN_FIELD_NUMBER -> domain = cursor.readString(field, end, MAX_NAME_BYTES, "a node's domain");
                case NodeProto.ATTRIBUTE_FIELD_NUMBER -> readAttribute(field, end, depth);
                default -> cursor.skipField(field, end, "a node");
            }
            cursor.checkWithin(end, "a node");
            cursor.rebase();
        }
        keep(domain, name, opType, inputs, outputs);
    }

    /** An AttributeProto: a subgraph ({@code g}, {@code graphs}) is walked, any other value skipped. */
    private void readAttribute(int tag, long nodeEnd, int depth) throws IOException {
        long length = cursor.readLength(tag, nodeEnd, "a node attribute");
        long end = cursor.position() + length;
        while (cursor.position() < end) {
            int field = cursor.readTag();
            switch (ProtoCursor.field(field)) {
                case AttributeProto.G_FIELD_NUMBER, AttributeProto.GRAPHS_FIELD_NUMBER -> {
                    if (depth + 1 > MAX_GRAPH_DEPTH) {
                        throw new ModelFormatException("the ONNX graph nests subgraphs more than "
                                + MAX_GRAPH_DEPTH + " deep");
                    }
                    long graphLength = cursor.readLength(field, end, "a subgraph");
                    walkGraph(cursor.position() + graphLength, depth + 1);
                }
                default -> cursor.skipField(field, end, "a node attribute");
            }
            cursor.checkWithin(end, "a node attribute");
            cursor.rebase();
        }
    }

    private void keep(String domain, String name, String opType, List<String> inputs, List<String> outputs) {
        boolean standard = domain.isEmpty() || domain.equals("ai.onnx");
        if (standard && LAYER_OPS.contains(opType)) {
            nodes.add(new GraphNode(name, opType, inputs, outputs));
        }
    }

    private void readInitializer(int tag, long graphEnd) throws IOException {
        if (++initializerCount > MAX_INITIALIZERS) {
            throw new ModelFormatException("the ONNX graph has more than " + MAX_INITIALIZERS + " initializers");
        }
        long length = cursor.readLength(tag, graphEnd, "an initializer");
        long start = cursor.position();
        long end = start + length;
        String name = "";
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        long rawOffset = -1;
        long rawLength = 0;
        boolean typed = false;
        boolean externalLocation = false;
        Map<String, String> external = new LinkedHashMap<>();
        while (cursor.position() < end) {
            int field = cursor.readTag();
            switch (ProtoCursor.field(field)) {
                case TensorProto.DIMS_FIELD_NUMBER -> cursor.readInt64s(field, end, value -> {
                    if (dims.size() >= MAX_DIMS) {
                        throw new ModelFormatException("the ONNX file is damaged: a tensor has more than " + MAX_DIMS + " dimensions");
                    }
                    dims.add(value);
                }, "a tensor's dims");
                case TensorProto.DATA_TYPE_FIELD_NUMBER -> dataType = (int) cursor.readVarint(field, "a tensor's data_type");
                case TensorProto.NAME_FIELD_NUMBER -> name = cursor.readString(field, end, MAX_NAME_BYTES, "a tensor's name");
                case TensorProto.RAW_DATA_FIELD_NUMBER -> {
                    rawLength = cursor.readLength(field, end, "a tensor's raw_data");
                    rawOffset = cursor.position();
                    cursor.skipBytes(rawLength);
                }
                case TensorProto.EXTERNAL_DATA_FIELD_NUMBER -> {
                    StringStringEntryProto entry = cursor.parse(field, end, StringStringEntryProto.parser(),
                            MAX_NAME_BYTES, "a tensor's external_data entry");
                    if (external.size() >= MAX_EXTERNAL_ENTRIES) {
                        throw new ModelFormatException("the ONNX file is damaged: a tensor has too many external_data entries");
                    }
                    external.put(entry.getKey(), entry.getValue());
                }
                case TensorProto.DATA_LOCATION_FIELD_NUMBER -> externalLocation =
                        cursor.readVarint(field, "a tensor's data_location") == TensorProto.DataLocation.EXTERNAL_VALUE;
                case TensorProto.FLOAT_DATA_FIELD_NUMBER, TensorProto.INT32_DATA_FIELD_NUMBER,
                        TensorProto.INT64_DATA_FIELD_NUMBER, TensorProto.DOUBLE_DATA_FIELD_NUMBER,
                        TensorProto.UINT64_DATA_FIELD_NUMBER -> {
                    typed = true;
                    cursor.skipField(field, end, "a tensor");
                }
                default -> cursor.skipField(field, end, "a tensor");
            }
            cursor.checkWithin(end, "a tensor");
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        initializers.putIfAbsent(name, new InitializerRecord(name, shape, dataType, start, length, rawOffset, rawLength,
                typed, externalLocation ? external : Map.of()));
    }

    /** Text from the file as shown in properties: control characters removed, long values cut. */
    private static String shown(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX_SHOWN_VALUE_CHARS ? clean.substring(0, MAX_SHOWN_VALUE_CHARS) + "…" : clean;
    }
}
