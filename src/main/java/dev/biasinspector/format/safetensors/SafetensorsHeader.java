package dev.biasinspector.format.safetensors;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.biasinspector.format.ModelFormatException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a safetensors file, read and checked the way the Rust reference does
 * ({@code safetensors/src/tensor.rs}): u64 little-endian length N (at most 100,000,000), N bytes of
 * JSON, then the data buffer. Every tensor's bytes must be exactly shape × dtype width (checked
 * arithmetic); sorted by offset, the tensors must start at 0 and follow each other without gaps
 * or overlaps, and the last must end at the end of the file. Only the header is read.
 *
 * <p>The JSON is read with a streaming reader that accepts exactly the specification's shape
 * (an object of tensor objects plus {@code __metadata__} of strings), so its depth is at most 3.
 */
record SafetensorsHeader(long dataStart, List<TensorEntry> tensors, Map<String, String> metadata) {

    static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final int MAX_DIMENSIONS = 64;

    /** One tensor: its byte range is relative to {@code dataStart}. */
    record TensorEntry(String name, String dtypeName, SafetensorsDType dtype, long[] shape, long begin, long end) {
        long elementCount() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    static SafetensorsHeader read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        }
    }

    static SafetensorsHeader read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new ModelFormatException("the safetensors file is truncated (it is shorter than its 8-byte header length)");
        }
        ByteBuffer lengthBytes = readFully(channel, 0, 8);
        long n = lengthBytes.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new ModelFormatException("the safetensors header length (" + Long.toUnsignedString(n)
                    + " bytes) is larger than the 100,000,000 bytes allowed");
        }
        if (8 + n > size) {
            throw new ModelFormatException("the safetensors header length (" + n + " bytes) reaches beyond the end of"
                    + " the file (" + size + " bytes): the file is truncated or damaged");
        }
        ByteBuffer json = readFully(channel, 8, (int) n);
        String text = StandardCharsets.UTF_8.decode(json).toString();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorEntry> tensors = parse(text, metadata);
        checkLayout(tensors, size - 8 - n);
        return new SafetensorsHeader(8 + n, List.copyOf(tensors), metadata);
    }

    private static List<TensorEntry> parse(String text, Map<String, String> metadata) throws ModelFormatException {
        List<TensorEntry> tensors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (JsonReader json = new JsonReader(new StringReader(text))) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ModelFormatException("the safetensors header is not a JSON object");
            }
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                if (!seen.add(key)) {
                    throw new ModelFormatException("the safetensors header names " + key + " twice");
                }
                if (key.equals("__metadata__")) {
                    readMetadata(json, metadata);
                } else {
                    tensors.add(readTensor(json, key));
                }
            }
            json.endObject();
            // the Rust writer pads the header with spaces; anything else after the object is damage
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new ModelFormatException("the safetensors header has text after its JSON object");
            }
        } catch (MalformedJsonException | IllegalStateException | NumberFormatException | java.io.EOFException e) {
            throw new ModelFormatException("the safetensors header is not valid JSON (" + firstLine(e) + ")", e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("the safetensors header is not valid JSON (" + firstLine(e) + ")", e);
        }
        return tensors;
    }

    private static void readMetadata(JsonReader json, Map<String, String> metadata) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return;
        }
        json.beginObject();
        while (json.hasNext()) {
            String key = json.nextName();
            if (json.peek() != JsonToken.STRING) {
                throw new ModelFormatException("the safetensors __metadata__ value of " + key + " is not a string");
            }
            metadata.put(key, json.nextString());
        }
        json.endObject();
    }

    private static TensorEntry readTensor(JsonReader json, String name) throws IOException {
        String dtypeName = null;
        long[] shape = null;
        long[] offsets = null;
        json.beginObject();
        while (json.hasNext()) {
            String field = json.nextName();
            switch (field) {
                case "dtype" -> dtypeName = json.nextString();
                case "shape" -> shape = longs(json, name, MAX_DIMENSIONS);
                case "data_offsets" -> offsets = longs(json, name, 2);
                default -> throw new ModelFormatException("tensor " + name + " has an unknown field " + field
                        + " in the safetensors header");
            }
        }
        json.endObject();
        if (dtypeName == null || shape == null || offsets == null || offsets.length != 2) {
            throw new ModelFormatException("tensor " + name + " lacks its dtype, shape or data_offsets in the safetensors header");
        }
        SafetensorsDType dtype = SafetensorsDType.named(dtypeName);
        if (dtype == null) {
            throw new ModelFormatException("tensor " + name + " has the unknown dtype " + dtypeName);
        }
        return new TensorEntry(name, dtypeName, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] longs(JsonReader json, String tensor, int max) throws IOException {
        List<Long> values = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (values.size() == max) {
                throw new ModelFormatException("tensor " + tensor + " has more than " + max + " numbers where at most "
                        + max + " belong");
            }
            long value = json.nextLong();
            if (value < 0) {
                throw new ModelFormatException("tensor " + tensor + " has a negative size or offset");
            }
            values.add(value);
        }
        json.endArray();
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** The checks of the Rust reader's {@code validate}, one sentence per kind of damage. */
    private static void checkLayout(List<TensorEntry> tensors, long bufferSize) throws ModelFormatException {
        List<TensorEntry> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long expected = 0;
        TensorEntry previous = null;
        for (TensorEntry t : sorted) {
            if (t.end() < t.begin()) {
                throw new ModelFormatException("tensor " + t.name() + " ends before it begins in the data buffer");
            }
            if (t.begin() < expected) {
                throw new ModelFormatException("tensors " + previous.name() + " and " + t.name()
                        + " overlap in the data buffer");
            }
            if (t.begin() > expected) {
                throw new ModelFormatException("the data buffer has unused bytes before tensor " + t.name());
            }
            long bytes;
            try {
                long bits = Math.multiplyExact(t.elementCount(), t.dtype().bits);
                if (bits % 8 != 0) {
                    throw new ModelFormatException("tensor " + t.name() + " does not fill whole bytes");
                }
                bytes = bits / 8;
            } catch (ArithmeticException e) {
                throw new ModelFormatException("tensor " + t.name() + " declares an impossibly large shape");
            }
            if (t.end() - t.begin() != bytes) {
                throw new ModelFormatException("tensor " + t.name() + " has " + (t.end() - t.begin())
                        + " bytes of data, but its shape and dtype need " + bytes);
            }
            expected = t.end();
            previous = t;
        }
        if (expected > bufferSize) {
            throw new ModelFormatException("the safetensors file is truncated: its tensors need " + expected
                    + " bytes of data, but only " + bufferSize + " are there");
        }
        if (expected < bufferSize) {
            throw new ModelFormatException("the safetensors file has " + (bufferSize - expected)
                    + " bytes after its last tensor");
        }
    }

    /** Gson's messages go on with a troubleshooting link on a second line. */
    static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ModelFormatException("the file is truncated");
            }
        }
        return buffer.flip();
    }
}
