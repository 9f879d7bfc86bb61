package dev.biasinspector.format.pickle;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle reader that executes nothing.
 *
 * <p>Globals stay names ({@link PyGlobal}); {@code REDUCE} calls only the {@link CallHandler}s
 * registered for allow-listed names and otherwise yields an inert {@link PyObject}; {@code NEWOBJ}
 * and {@code BUILD} only record class names and state. Every declared length is checked against
 * the bytes that remain before anything is allocated, so a hostile file cannot make it allocate
 * more than the file's own size; budgets on objects created, stack size, memo entries and open
 * MARKs stop a small pickle that builds millions of values. Values come back as {@link PyTuple},
 * {@link PyList} and {@link PyDict}, compared by identity and printed without looking inside, so no
 * later equals, hashCode or toString walks a cycle or a 100,000-level nesting.
 *
 * <p>Why not Pyrolite ({@code net.razorvine:pickle}): its {@code SETITEMS} collects items in a
 * {@code HashMap}, losing the attribute order that gives PyTorch's parameter order; its {@code BUILD}
 * calls {@code __setstate__} by reflection and its default class constructor rejects
 * {@code REDUCE} arguments, so TorchScript's non-dict states and unknown callables fail instead of
 * becoming inert nodes; and it allocates declared string lengths before reading them.
 * Overriding those leaves little of it, so the opcode set PyTorch needs is implemented here.
 */
public final class SafeUnpickler {

    private static final int HIGHEST_PROTOCOL = 5;

    // Budgets. A real checkpoint's pickle holds some tens of objects per tensor (a large model has
    // thousands of tensors) and nests no deeper than Python's recursion limit (1,000) lets its
    // pickler go, so these are far above any real file and far below what exhausts a small heap.
    /** Values a pickle may create (strings, numbers, tuples, lists, dicts, objects). */
    static final int MAX_OBJECTS = 2_000_000;
    /** Values on the stack at once. */
    static final int MAX_STACK = 1_000_000;
    /** Memo entries. */
    static final int MAX_MEMO = 1_000_000;
    /** MARKs open at once. */
    static final int MAX_MARKS = 4_096;

    private final byte[] data;
    private final PersistentLoader persistentLoader;
    private final Map<String, CallHandler> callHandlers;
    private final Map<Long, Object> memo = new HashMap<>();
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private int pos;
    private int created;

    private SafeUnpickler(byte[] data, int start, PersistentLoader persistentLoader,
                          Map<String, CallHandler> callHandlers) {
        this.data = data;
        this.pos = start;
        this.persistentLoader = persistentLoader;
        this.callHandlers = callHandlers;
    }

    /** A value and the offset just past its pickle's STOP, for data holding several pickles in a row. */
    public record Loaded(Object value, int end) {
    }

    /** Reads the pickle that starts at {@code offset}; see {@link #load}. */
    public static Loaded loadAt(byte[] data, int offset, PersistentLoader persistentLoader,
                                Map<String, CallHandler> callHandlers) throws PickleException {
        if (offset < 0 || offset > data.length) {
            throw new PickleException("pickle data is truncated");
        }
        SafeUnpickler unpickler = new SafeUnpickler(data, offset, persistentLoader, callHandlers);
        Object value = unpickler.run();
        return new Loaded(value, unpickler.pos);
    }

    /**
     * Reads one pickle.
     *
     * @param data             the whole pickle
     * @param persistentLoader resolves {@code BINPERSID}
     * @param callHandlers     allow-listed callables by qualified name ({@code collections.OrderedDict})
     */
    public static Object load(byte[] data, PersistentLoader persistentLoader, Map<String, CallHandler> callHandlers)
            throws PickleException {
        return new SafeUnpickler(data, 0, persistentLoader, callHandlers).run();
    }

    private Object run() throws PickleException {
        while (true) {
            int offset = pos;
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int protocol = u8();
                    if (protocol > HIGHEST_PROTOCOL) {
                        throw new PickleException("unsupported pickle protocol " + protocol);
                    }
                }
                case 0x95 -> skip(8); // FRAME: a length hint only
                case '.' -> { // STOP
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw new PickleException("malformed pickle: stack not balanced at STOP");
                    }
                    return stack.get(0);
                }
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) i32le());
                case 'K' -> push((long) u8());
                case 'M' -> push((long) u16le());
                case 0x8A -> push(longOfBytes(u8()));
                case 0x8B -> push(longOfBytes(length(i32le())));
                case 'G' -> push(Double.longBitsToDouble(i64be()));
                case 'X' -> push(utf8(length(i32le())));
                case 0x8C -> push(utf8(u8()));
                case 0x8D -> push(utf8(length(i64le())));
                case 'U' -> push(latin1(u8()));
                case 'T' -> push(latin1(length(i32le())));
                case 'B' -> push(bytes(length(i32le())));
                case 'C' -> push(bytes(u8()));
                case 0x8E -> push(bytes(length(i64le())));
                case 0x96 -> push(bytes(length(i64le()))); // BYTEARRAY8
                case 'c' -> push(new PyGlobal(line(), line()));
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw new PickleException("malformed pickle: STACK_GLOBAL needs two strings");
                    }
                    push(new PyGlobal(m, n));
                }
                case '(' -> {
                    if (marks.size() >= MAX_MARKS) {
                        throw new PickleException("the pickle opens more than " + MAX_MARKS
                                + " MARKs at once (this reader's limit)");
                    }
                    marks.add(stack.size());
                }
                case ')' -> push(PyTuple.empty());
                case 't' -> push(PyTuple.copyOf(popMark()));
                case 0x85 -> push(PyTuple.of(pop()));
                case 0x86 -> {
                    Object b = pop();
                    Object a = pop();
                    push(PyTuple.of(a, b));
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    Object a = pop();
                    push(PyTuple.of(a, b, c));
                }
                case ']' -> push(new PyList());
                case 'l' -> push(new PyList(popMark()));
                case 'a' -> {
                    Object item = pop();
                    asList(peek(), "APPEND").add(item);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    asList(peek(), "APPENDS").addAll(items);
                }
                case '}' -> push(new PyDict());
                case 'd' -> {
                    List<Object> items = popMark();
                    Map<Object, Object> dict = new PyDict();
                    putPairs(dict, items);
                    push(dict);
                }
                case 's' -> {
                    Object value = pop();
                    Object key = pop();
                    asDict(peek(), "SETITEM").put(hashable(key), value);
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    putPairs(asDict(peek(), "SETITEMS"), items);
                }
                case 0x8F -> push(new PyList()); // EMPTY_SET: a set is kept as a list
                case 0x90 -> { // ADDITEMS
                    List<Object> items = popMark();
                    asList(peek(), "ADDITEMS").addAll(items);
                }
                case 0x91 -> push(new PyList(popMark())); // FROZENSET
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> pushExisting(peek());
                case 'h' -> pushExisting(memoGet(u8()));
                case 'j' -> pushExisting(memoGet(u32le()));
                case 'q' -> memoPut(u8());
                case 'r' -> memoPut(u32le());
                case 0x94 -> memoPut(memo.size()); // MEMOIZE
                case 'Q' -> push(persistentLoader.load(pop()));
                case 'R' -> {
                    Object args = pop();
                    Object callable = pop();
                    push(call(callable, args));
                }
                case 0x81 -> { // NEWOBJ
                    Object args = pop();
                    Object cls = pop();
                    push(new PyObject(asGlobal(cls, "NEWOBJ"), asTuple(args, "NEWOBJ")));
                }
                case 0x92 -> { // NEWOBJ_EX
                    pop(); // kwargs
                    Object args = pop();
                    Object cls = pop();
                    push(new PyObject(asGlobal(cls, "NEWOBJ_EX"), asTuple(args, "NEWOBJ_EX")));
                }
                case 'b' -> {
                    Object state = pop();
                    if (peek() instanceof PyObject object) {
                        object.setState(state);
                    }
                    // BUILD on anything else (an OrderedDict's _metadata, a tensor's state) carries
                    // nothing this reader needs.
                }
                default -> throw new PickleException(String.format(
                        "unsupported pickle opcode 0x%02x at offset %d", op, offset));
            }
        }
    }

    private Object call(Object callable, Object args) throws PickleException {
        PyGlobal global = asGlobal(callable, "REDUCE");
        PyTuple tuple = asTuple(args, "REDUCE");
        CallHandler handler = callHandlers.get(global.qualifiedName());
        return handler != null ? handler.call(tuple) : new PyObject(global, tuple);
    }

    private void putPairs(Map<Object, Object> dict, List<Object> items) throws PickleException {
        if (items.size() % 2 != 0) {
            throw new PickleException("malformed pickle: odd number of dict items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(hashable(items.get(i)), items.get(i + 1));
        }
    }

    /** Only immutable values can be dict keys; a list key would make hashing walk a possibly cyclic graph. */
    private static Object hashable(Object key) throws PickleException {
        if (key == null || key instanceof String || key instanceof Long || key instanceof BigInteger
                || key instanceof Boolean || key instanceof Double || key instanceof PyGlobal) {
            return key;
        }
        return new IdentityKey(key);
    }

    private record IdentityKey(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    private Object memoGet(long id) throws PickleException {
        if (!memo.containsKey(id)) {
            throw new PickleException("malformed pickle: memo key " + id + " not defined");
        }
        return memo.get(id);
    }

    /** Pushes a value the pickle just created, counting it against the object budget. */
    private void push(Object value) throws PickleException {
        if (++created > MAX_OBJECTS) {
            throw new PickleException("the pickle creates more than " + MAX_OBJECTS
                    + " objects (this reader's limit)");
        }
        pushExisting(value);
    }

    /** Pushes a value that already exists (memo, DUP): costs a stack slot, not an object. */
    private void pushExisting(Object value) throws PickleException {
        if (stack.size() >= MAX_STACK) {
            throw new PickleException("the pickle's stack grows beyond " + MAX_STACK
                    + " values (this reader's limit)");
        }
        stack.add(value);
    }

    private void memoPut(long id) throws PickleException {
        Object value = peek();
        if (memo.size() >= MAX_MEMO && !memo.containsKey(id)) {
            throw new PickleException("the pickle stores more than " + MAX_MEMO
                    + " memo entries (this reader's limit)");
        }
        memo.put(id, value);
    }

    private Object pop() throws PickleException {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw new PickleException("malformed pickle: stack underflow at offset " + pos);
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws PickleException {
        if (stack.isEmpty()) {
            throw new PickleException("malformed pickle: empty stack at offset " + pos);
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() throws PickleException {
        if (marks.isEmpty()) {
            throw new PickleException("malformed pickle: no MARK at offset " + pos);
        }
        int mark = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(mark, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o, String op) throws PickleException {
        if (o instanceof List<?> list && !(o instanceof PyTuple)) {
            return (List<Object>) list;
        }
        throw new PickleException("malformed pickle: " + op + " on a " + typeName(o));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asDict(Object o, String op) throws PickleException {
        if (o instanceof Map<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw new PickleException("malformed pickle: " + op + " on a " + typeName(o));
    }

    private static PyGlobal asGlobal(Object o, String op) throws PickleException {
        if (o instanceof PyGlobal g) {
            return g;
        }
        throw new PickleException("malformed pickle: " + op + " on a " + typeName(o));
    }

    private static PyTuple asTuple(Object o, String op) throws PickleException {
        if (o instanceof PyTuple t) {
            return t;
        }
        throw new PickleException("malformed pickle: " + op + " arguments are a " + typeName(o));
    }

    private static String typeName(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    // --- bounded reads -----------------------------------------------------------------------

    private void need(long n) throws PickleException {
        if (n < 0 || n > data.length - pos) {
            throw new PickleException("pickle data is truncated");
        }
    }

    /** A declared length, checked against what remains before anything is allocated. */
    private int length(long declared) throws PickleException {
        need(declared);
        return (int) declared;
    }

    private void skip(int n) throws PickleException {
        need(n);
        pos += n;
    }

    private int u8() throws PickleException {
        need(1);
        return data[pos++] & 0xFF;
    }

    private int u16le() throws PickleException {
        need(2);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    private int i32le() throws PickleException {
        need(4);
        int v = ByteBuffer.wrap(data, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        pos += 4;
        return v;
    }

    private long u32le() throws PickleException {
        return i32le() & 0xFFFFFFFFL;
    }

    private long i64le() throws PickleException {
        need(8);
        long v = ByteBuffer.wrap(data, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        pos += 8;
        return v;
    }

    private long i64be() throws PickleException {
        need(8);
        long v = ByteBuffer.wrap(data, pos, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        pos += 8;
        return v;
    }

    private byte[] bytes(int n) throws PickleException {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    private String utf8(int n) throws PickleException {
        need(n);
        String s = new String(data, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private String latin1(int n) throws PickleException {
        need(n);
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    private String line() throws PickleException {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos >= data.length) {
            throw new PickleException("pickle data is truncated");
        }
        String s = new String(data, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
    }

    /** LONG1/LONG4: little-endian two's complement; a Long when it fits. */
    private Object longOfBytes(int n) throws PickleException {
        byte[] le = bytes(n);
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = le[n - 1 - i];
        }
        BigInteger value = new BigInteger(be);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
