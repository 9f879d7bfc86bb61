package dev.biasinspector.format;

import dev.biasinspector.format.djl.DjlModelFolderReader;
import dev.biasinspector.format.torchscript.TorchSaveReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Looks at a path once and says what it holds: the file type first (a pipe or device is never
 * opened), then the first bytes, a zip's directory (read once and handed on in the
 * {@link DetectedModel}) or a folder's contents. Nothing is guessed from list order: every rule
 * below is exclusive, in the order written.
 */
public final class FormatDetector {

    static final int HEAD_LENGTH = FileSignature.HEAD_LENGTH;
    /** A folder with more files than this is not searched for checkpoints. */
    static final int MAX_FOLDER_FILES = 2_000;
    /** Zip entries looked at; a model archive has a few hundred. */
    static final int MAX_ZIP_ENTRIES = 1_000_000;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] DJL = {'D', 'J', 'L', '@'};
    private static final byte[] GGUF = {'G', 'G', 'U', 'F'};
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    private static final byte[] NUMPY = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final byte[] GZIP = {0x1F, (byte) 0x8B};

    /** The sentence for a file nothing here recognises. */
    public static final String NOT_A_MODEL = "not a supported model file (expected a TorchScript archive,"
            + " a torch.save checkpoint, a DJL model, safetensors, GGUF or ONNX)";

    public static final String INDEX_JSON = "model.safetensors.index.json";
    public static final String SINGLE_SAFETENSORS = "model.safetensors";

    private FormatDetector() {
    }

    /**
     * What {@code path} holds. Fails with one sentence when it is no model at all (a device, an
     * empty file, a folder without models); a file that is recognised but not readable comes
     * back as {@link ModelKind#UNSUPPORTED} with its name.
     */
    public static DetectedModel detect(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (attributes.isDirectory()) {
            return detectFolder(path);
        }
        if (!attributes.isRegularFile()) {
            throw new ModelFormatException("not a model file: it is " + specialFileName(path) + ", not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new ModelFormatException("the file cannot be read (permission denied)");
        }
        if (attributes.size() == 0) {
            throw new ModelFormatException("the file is empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD_LENGTH);
        }
        return detectFile(path, attributes.size(), head);
    }

    /** Whether {@code path} is a model file some reader can open (not a folder, not unsupported). */
    public static boolean isReadableModelFile(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (DetectedModel detected = detect(path)) {
            return detected.kind().isReadable();
        } catch (IOException e) {
            return false;
        }
    }

    private static DetectedModel detectFile(Path path, long size, byte[] head) throws IOException {
        String name = lowerName(path);
        if (startsWith(head, ZIP)) {
            return detectZip(path, name);
        }
        if (startsWith(head, DJL)) {
            return DetectedModel.of(path, ModelKind.DJL_PARAMS);
        }
        if (startsWith(head, GGUF)) {
            return detectGguf(path, head);
        }
        if (TorchSaveReader.isLegacy(new FileSignature(path, false, size, head))) {
            return DetectedModel.of(path, ModelKind.TORCH_SAVE_LEGACY);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return DetectedModel.unsupported(path, "a Python pickle that is not a PyTorch checkpoint");
        }
        if (startsWith(head, HDF5)) {
            return DetectedModel.unsupported(path, "a Keras HDF5 file");
        }
        if (head.length >= 8 && Arrays.equals(head, 4, 8, new byte[]{'T', 'F', 'L', '3'}, 0, 4)) {
            return DetectedModel.unsupported(path, "a TensorFlow Lite file");
        }
        if (startsWith(head, NUMPY)) {
            return DetectedModel.unsupported(path, "a NumPy .npy array");
        }
        if (startsWith(head, GZIP)) {
            return name.endsWith(".tar.gz") || name.endsWith(".tgz")
                    ? DetectedModel.of(path, ModelKind.DJL_ARCHIVE)
                    : DetectedModel.unsupported(path, "a gzip-compressed file");
        }
        if (name.endsWith(".safetensors") || looksLikeSafetensors(size, head)) {
            return DetectedModel.of(path, ModelKind.SAFETENSORS);
        }
        if (name.endsWith(".onnx")) {
            if (!OnnxSignature.looksLikeModelProto(head, size)) {
                throw new ModelFormatException("not an ONNX model: the file does not start like one");
            }
            return DetectedModel.of(path, ModelKind.ONNX);
        }
        if (OnnxSignature.looksLikeModelProtoStrictly(head, size)) {
            return DetectedModel.of(path, ModelKind.ONNX);
        }
        if (name.endsWith(".pb")) {
            return DetectedModel.unsupported(path, "a TensorFlow graph (.pb)");
        }
        throw new ModelFormatException(NOT_A_MODEL);
    }

    /** u64 little-endian header length, then a JSON object: the safetensors layout. */
    private static boolean looksLikeSafetensors(long size, byte[] head) {
        if (head.length < 10 || head[8] != '{') {
            return false;
        }
        long n = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return n >= 2 && n <= size - 8;
    }

    private static DetectedModel detectGguf(Path path, byte[] head) {
        if (head.length < 8) {
            return DetectedModel.unsupported(path, "a GGUF file cut short before its version");
        }
        int version = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return switch (version) {
            case 2, 3 -> DetectedModel.of(path, ModelKind.GGUF);
            case 1 -> DetectedModel.unsupported(path, "a GGUF version 1 file");
            default -> Integer.reverseBytes(version) >= 1 && Integer.reverseBytes(version) <= 3
                    ? DetectedModel.unsupported(path, "a big-endian GGUF file")
                    : DetectedModel.unsupported(path, "a GGUF file of unknown version " + Integer.toUnsignedString(version));
        };
    }

    /** Opens the zip once; the {@link ZipFile} travels on in the answer (closed with it). */
    private static DetectedModel detectZip(Path path, String name) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | java.io.EOFException e) { // EOF: an end record pointing past the file
            throw new ModelFormatException("the archive is damaged or truncated"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
        try {
            List<String> entries = new ArrayList<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                if (entries.size() >= MAX_ZIP_ENTRIES) {
                    throw new ModelFormatException("the archive holds more than " + MAX_ZIP_ENTRIES + " entries");
                }
                entries.add(all.nextElement().getName());
            }
            ModelKind kind = zipKind(entries);
            if (kind != null) {
                return new DetectedModel(path, kind, kind.description(), zip, entries);
            }
            String unsupported = unsupportedZip(entries, name);
            zip.close();
            if (unsupported != null) {
                return DetectedModel.unsupported(path, unsupported);
            }
            throw new ModelFormatException("not a PyTorch archive: the zip has no data.pkl");
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static ModelKind zipKind(List<String> entries) {
        String prefix = dataPickleFolder(entries);
        if (prefix != null) {
            return entries.contains(prefix + "constants.pkl") ? ModelKind.TORCHSCRIPT : ModelKind.TORCH_SAVE_ZIP;
        }
        if (entries.stream().anyMatch(n -> n.equals("model.json") || n.endsWith("/model.json") && depth(n) <= 2)) {
            return null;
        }
        return DjlModelFolderReader.isModelFolderListing(entries) ? ModelKind.DJL_ARCHIVE : null;
    }

    /** The folder holding {@code data.pkl} (shallowest, at most one level down), or null. */
    private static String dataPickleFolder(List<String> entries) {
        String best = null;
        for (String entry : entries) {
            if (entry.equals("data.pkl") || entry.endsWith("/data.pkl")) {
                String candidate = entry.substring(0, entry.length() - "data.pkl".length());
                if (depth(candidate) <= 1 && (best == null || candidate.length() < best.length())) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static String unsupportedZip(List<String> entries, String name) {
        if (entries.stream().anyMatch(n -> n.equals("model.json") || n.endsWith("/model.json"))) {
            return "a TorchScript file from PyTorch before 1.3";
        }
        if (entries.contains("config.json") && entries.stream().anyMatch(n -> n.endsWith(".weights.h5"))) {
            return "a Keras 3 .keras file";
        }
        if (!entries.isEmpty() && (name.endsWith(".npz") || entries.stream().allMatch(n -> n.endsWith(".npy")))) {
            return "a NumPy .npz archive";
        }
        return null;
    }

    private static DetectedModel detectFolder(Path folder) throws IOException {
        if (folder.toAbsolutePath().normalize().getParent() == null) {
            throw new ModelFormatException("this is the root of the file system, not a model folder");
        }
        if (!Files.isReadable(folder)) {
            throw new ModelFormatException("the folder cannot be read (permission denied)");
        }
        if (Files.isRegularFile(folder.resolve(DjlModelFolderReader.SERVING_PROPERTIES))) {
            return DetectedModel.of(folder, ModelKind.DJL_FOLDER);
        }
        if (Files.isRegularFile(folder.resolve(INDEX_JSON)) || Files.isRegularFile(folder.resolve(SINGLE_SAFETENSORS))) {
            return DetectedModel.of(folder, ModelKind.SAFETENSORS_FOLDER);
        }
        if (Files.isRegularFile(folder.resolve("saved_model.pb")) || Files.isRegularFile(folder.resolve("saved_model.pbtxt"))) {
            return DetectedModel.unsupported(folder, "a TensorFlow SavedModel folder");
        }
        List<Path> models = modelFiles(folder);
        if (models.size() >= 2) {
            return DetectedModel.of(folder, ModelKind.CHECKPOINT_FOLDER);
        }
        if (!DjlModelFolderReader.modelFiles(folder).isEmpty()) {
            return DetectedModel.of(folder, ModelKind.DJL_FOLDER);
        }
        if (models.size() == 1) {
            if (lowerName(models.get(0)).endsWith(".safetensors")) {
                return DetectedModel.of(folder, ModelKind.SAFETENSORS_FOLDER);
            }
            throw new ModelFormatException("the folder holds one model file, " + models.get(0).getFileName()
                    + ": open that file");
        }
        throw new ModelFormatException("the folder holds no model file this app can read");
    }

    /**
     * The files directly in {@code folder} that a reader can open, in no particular order (the
     * checkpoint series sorts them).
     */
    public static List<Path> modelFiles(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.limit(MAX_FOLDER_FILES + 1L).toList();
        } catch (java.io.UncheckedIOException e) {
            throw new ModelFormatException("the folder cannot be listed (" + e.getCause().getMessage() + ")", e);
        }
        if (files.size() > MAX_FOLDER_FILES) {
            throw new ModelFormatException("the folder holds more than " + MAX_FOLDER_FILES
                    + " files; open a model file or a smaller folder");
        }
        List<Path> models = new ArrayList<>();
        for (Path file : files) {
            if (isReadableModelFile(file)) {
                models.add(file);
            }
        }
        return models;
    }

    private static String specialFileName(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a device, pipe or socket";
        }
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int depth(String relativePath) {
        return (int) relativePath.chars().filter(c -> c == '/').count();
    }

    private static String lowerName(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
