package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Opens a DJL model folder (as served by DJL Serving or the model zoo: a TorchScript {@code .pt}
 * or a DJL {@code .params} file, usually with a {@code serving.properties}), or such a folder
 * packed as {@code .zip} or {@code .tar.gz}. The model file is read by the reader for its format;
 * serving.properties entries become model properties.
 */
public final class DjlModelFolderReader implements ModelReader {

    public static final String SERVING_PROPERTIES = "serving.properties";
    /** Shown among the properties: the model file read in the folder (logic uses {@link LoadedModel#modelFileInFolder()}). */
    public static final String MODEL_FILE_PROPERTY = "modelFile";
    /** Model files deeper than this below the folder (or archive root) are not looked at. */
    private static final int MAX_DEPTH = 2;
    /** A model folder is small; a home folder is not searched through. */
    private static final long MAX_FOLDER_ENTRIES = 10_000;

    /** Reads the model file the folder reader picked; the format detector and engine decide how. */
    @FunctionalInterface
    public interface ModelFileReader {
        /**
         * @param file      the model file (for a packed folder: a private copy of it)
         * @param shownName its path inside the folder, for messages
         */
        LoadedModel read(Path file, String shownName) throws IOException;
    }

    private final ModelFileReader modelFileReader;

    /**
     * @param modelFileReader reads the model file found in the folder, with the reader its kind and
     *                        the user's engine call for ({@code ModelOpener} supplies it)
     */
    public DjlModelFolderReader(ModelFileReader modelFileReader) {
        this.modelFileReader = modelFileReader;
    }

    @Override
    public ModelFormat format() {
        return DjlParamsReader.FORMAT;
    }

    @Override
    public LoadedModel read(Path path) throws IOException {
        return read(path, null);
    }

    /**
     * Reads a model folder, or a packed one.
     *
     * @param opened the archive's zip when the format detector opened it already (it closes it),
     *               else {@code null}
     */
    public LoadedModel read(Path path, ZipFile opened) throws IOException {
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        return readArchive(path, opened);
    }

    /** Whether an archive's entry names are those of a DJL model folder (serving.properties or a model file). */
    public static boolean isModelFolderListing(List<String> names) {
        return names.stream().anyMatch(n -> depth(n) <= MAX_DEPTH
                && (ModelFileChooser.baseName(n).equals(SERVING_PROPERTIES) || ModelFileChooser.isModelFileName(n)));
    }

    /** Whether a file name is one DJL looks for in a model folder ({@code .pt}, {@code .params}, {@code .onnx}...). */
    public static boolean isModelFileName(String name) {
        return ModelFileChooser.isModelFileName(name);
    }

    private LoadedModel readFolder(Path folder) throws IOException {
        Path serving = folder.resolve(SERVING_PROPERTIES);
        Map<String, String> properties = Files.isRegularFile(serving) ? parse(readProperties(serving)) : Map.of();
        Path name = folder.toAbsolutePath().normalize().getFileName();
        String chosen = ModelFileChooser.choose(modelFiles(folder), properties, name == null ? "" : name.toString());
        return wrap(folder, chosen, properties, modelFileReader.read(folder.resolve(chosen), chosen));
    }

    /** The size is checked before reading: a sparse file can claim gigabytes in a few kilobytes of disk. */
    private static String readProperties(Path serving) throws IOException {
        long size = Files.size(serving);
        if (size > ModelArchiveEntries.MAX_PROPERTIES_BYTES) {
            throw new ModelFormatException("serving.properties is " + size + " bytes, more than the "
                    + ModelArchiveEntries.MAX_PROPERTIES_BYTES + " this app reads");
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(serving)) {
            bytes = in.readNBytes((int) ModelArchiveEntries.MAX_PROPERTIES_BYTES + 1);
        }
        if (bytes.length > ModelArchiveEntries.MAX_PROPERTIES_BYTES) {
            throw new ModelFormatException("serving.properties is larger than the "
                    + ModelArchiveEntries.MAX_PROPERTIES_BYTES + " bytes this app reads");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private LoadedModel readArchive(Path archive, ZipFile opened) throws IOException {
        List<String> names = opened != null ? ModelArchiveEntries.list(opened) : ModelArchiveEntries.list(archive);
        String servingEntry = names.stream()
                .filter(n -> ModelFileChooser.baseName(n).equals(SERVING_PROPERTIES) && depth(n) <= MAX_DEPTH)
                .min((a, b) -> Integer.compare(depth(a), depth(b))).orElse(null);
        String root = servingEntry == null ? "" : servingEntry.substring(0, servingEntry.length() - SERVING_PROPERTIES.length());
        Map<String, String> properties = servingEntry == null ? Map.of()
                : parse(ModelArchiveEntries.readText(archive, opened, servingEntry));
        List<String> relative = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(root) && depth(name.substring(root.length())) <= MAX_DEPTH) {
                relative.add(name.substring(root.length()));
            }
        }
        String chosen = ModelFileChooser.choose(relative, properties, archiveBaseName(archive));
        // An ONNX model may keep its weights in files beside it (external data): copy its folder.
        Path extracted = chosen.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")
                ? ModelArchiveEntries.extractWithFolder(archive, opened, root + chosen, names)
                : ModelArchiveEntries.extract(archive, opened, root + chosen);
        return wrap(archive, chosen, properties, modelFileReader.read(extracted, chosen));
    }

    /** The model as read from its file, shown as the folder's, with serving.properties beside its own properties. */
    private static LoadedModel wrap(Path opened, String modelFile, Map<String, String> serving, LoadedModel inner) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MODEL_FILE_PROPERTY, modelFile);
        serving.forEach(properties::putIfAbsent);
        inner.properties().forEach(properties::putIfAbsent);
        return new LoadedModel(opened, inner.format(), inner.source(), inner.root(), properties, modelFile);
    }

    /** serving.properties entries sorted by key, so output does not depend on hashing. */
    static Map<String, String> parse(String text) throws ModelFormatException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFormatException("serving.properties is not a valid properties file", e);
        }
        Map<String, String> sorted = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> sorted.put(k, properties.getProperty(k)));
        return sorted;
    }

    /**
     * The model files of a DJL model folder (up to two levels down), as {@code /}-separated paths
     * relative to it, sorted; the desktop app offers them when the folder holds several.
     */
    public static List<String> modelFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder, MAX_DEPTH)) {
            return files.limit(MAX_FOLDER_ENTRIES)
                    .filter(Files::isRegularFile)
                    .map(f -> folder.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .filter(ModelFileChooser::isModelFileName)
                    .sorted()
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            // a subfolder that cannot be listed (permissions): one sentence, not a stack trace
            throw new ModelFormatException("the folder cannot be searched for model files (" + e.getCause().getMessage() + ")", e);
        }
    }

    private static int depth(String relativePath) {
        return (int) relativePath.chars().filter(c -> c == '/').count() + 1;
    }

    private static String archiveBaseName(Path archive) {
        String name = archive.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : List.of(".tar.gz", ".tgz", ".zip")) {
            if (lower.endsWith(extension)) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }
}
