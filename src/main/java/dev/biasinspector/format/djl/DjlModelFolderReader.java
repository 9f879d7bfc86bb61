package dev.biasinspector.format.djl;

import dev.biasinspector.format.FileSignature;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.LoadedModel;

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

/**
 * Opens a DJL model folder (as served by DJL Serving or the model zoo: a TorchScript {@code .pt}
 * or a DJL {@code .params} file, usually with a {@code serving.properties}), or such a folder
 * packed as {@code .zip} or {@code .tar.gz}. The model file is read by the reader for its format;
 * serving.properties entries become model properties.
 */
public final class DjlModelFolderReader implements ModelReader {

    public static final String SERVING_PROPERTIES = "serving.properties";
    /** Model files deeper than this below the folder (or archive root) are not looked at. */
    private static final int MAX_DEPTH = 2;

    private final ModelReader torchScriptReader;
    private final DjlParamsReader paramsReader = new DjlParamsReader();

    /**
     * @param torchScriptReader reads a {@code .pt} found in the folder: the archive reader by
     *                          default, {@link DjlEngineReader} when the user picked the DJL engine
     */
    public DjlModelFolderReader(ModelReader torchScriptReader) {
        this.torchScriptReader = torchScriptReader;
    }

    @Override
    public String formatName() {
        return DjlParamsReader.FORMAT;
    }

    @Override
    public boolean accepts(FileSignature signature) {
        try {
            if (signature.directory()) {
                return Files.isRegularFile(signature.path().resolve(SERVING_PROPERTIES))
                        || !modelFiles(signature.path()).isEmpty();
            }
            if (ModelArchiveEntries.isTarGz(signature.path())) {
                return signature.startsWith((byte) 0x1F, (byte) 0x8B);
            }
            if (signature.isZip()) {
                // a TorchScript archive is a zip too: only a zip of a model folder qualifies
                List<String> names = ModelArchiveEntries.list(signature.path());
                return names.stream().noneMatch(n -> n.endsWith("data.pkl"))
                        && names.stream().anyMatch(n -> depth(n) <= MAX_DEPTH
                        && (ModelFileChooser.baseName(n).equals(SERVING_PROPERTIES) || ModelFileChooser.isModelFileName(n)));
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public LoadedModel read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        return readArchive(path);
    }

    private LoadedModel readFolder(Path folder) throws IOException {
        Path serving = folder.resolve(SERVING_PROPERTIES);
        Map<String, String> properties = Files.isRegularFile(serving) ? parse(readProperties(serving)) : Map.of();
        String chosen = ModelFileChooser.choose(modelFiles(folder), properties, folder.getFileName().toString());
        return wrap(folder, chosen, properties, readModelFile(folder.resolve(chosen), chosen));
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

    private LoadedModel readArchive(Path archive) throws IOException {
        List<String> names = ModelArchiveEntries.list(archive);
        String servingEntry = names.stream()
                .filter(n -> ModelFileChooser.baseName(n).equals(SERVING_PROPERTIES) && depth(n) <= MAX_DEPTH)
                .min((a, b) -> Integer.compare(depth(a), depth(b))).orElse(null);
        String root = servingEntry == null ? "" : servingEntry.substring(0, servingEntry.length() - SERVING_PROPERTIES.length());
        Map<String, String> properties = servingEntry == null ? Map.of()
                : parse(ModelArchiveEntries.readText(archive, servingEntry));
        List<String> relative = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(root) && depth(name.substring(root.length())) <= MAX_DEPTH) {
                relative.add(name.substring(root.length()));
            }
        }
        String chosen = ModelFileChooser.choose(relative, properties, archiveBaseName(archive));
        Path extracted = ModelArchiveEntries.extract(archive, root + chosen);
        return wrap(archive, chosen, properties, readModelFile(extracted, chosen));
    }

    private LoadedModel readModelFile(Path file, String shownName) throws IOException {
        FileSignature signature = FileSignature.of(file);
        if (paramsReader.accepts(signature)) {
            return paramsReader.read(file);
        }
        if (torchScriptReader.accepts(signature)) {
            return torchScriptReader.read(file);
        }
        throw new ModelFormatException("the model file " + shownName
                + " is neither a TorchScript archive nor a DJL parameter file");
    }

    private static LoadedModel wrap(Path opened, String modelFile, Map<String, String> serving, LoadedModel inner) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("modelFile", modelFile);
        serving.forEach(properties::putIfAbsent);
        inner.properties().forEach(properties::putIfAbsent);
        return new LoadedModel(opened, inner.format(), inner.source(), inner.root(), properties);
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
            return files.filter(Files::isRegularFile)
                    .map(f -> folder.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .filter(ModelFileChooser::isModelFileName)
                    .sorted()
                    .toList();
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
