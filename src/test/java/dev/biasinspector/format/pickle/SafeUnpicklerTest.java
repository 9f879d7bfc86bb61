package dev.biasinspector.format.pickle;

import org.junit.jupiter.api.Test;
import java.util.List;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeUnpicklerTest {

    private static Object load(byte[] pickle) throws PickleException {
        return SafeUnpickler.load(pickle, pid -> {
            throw new PickleException("no persistent ids here");
        }, Map.of());
    }

    @Test
    void aCallToAnUnknownGlobalStaysAnInertObjectWithItsArguments() throws Exception {
        // The classic exploit: os.system('touch /tmp/pwned'). It must come back as data.
        byte[] pickle = new PickleBytes().proto().global("os", "system").string("touch /tmp/pwned")
                .op(0x85).op('R').stop().bytes();

        Object result = load(pickle);

        assertThat(result).isInstanceOfSatisfying(PyObject.class, o -> {
            assertThat(o.type()).isEqualTo(new PyGlobal("os", "system"));
            assertThat(o.args().items()).containsExactly("touch /tmp/pwned");
        });
    }

    @Test
    void dictionariesKeepTheOrderOfTheirItems() throws Exception {
        PickleBytes p = new PickleBytes().proto().op('}').op('(');
        List<String> keys = List.of("zeta", "alpha", "fc2", "fc1", "m", "b", "a", "q", "c", "k", "y", "x");
        for (String key : keys) {
            p.string(key).int1(keys.indexOf(key));
        }
        Object result = load(p.op('u').stop().bytes());

        assertThat(List.copyOf(((Map<?, ?>) result).keySet())).isEqualTo(keys);
    }

    @Test
    void aHugeDeclaredStringLengthIsRefusedBeforeAllocating() {
        byte[] pickle = new PickleBytes().proto().op('X').int32(Integer.MAX_VALUE).raw(new byte[]{'a', 'b'}).bytes();

        assertThatThrownBy(() -> load(pickle)).isInstanceOf(PickleException.class).hasMessageContaining("truncated");
    }

    @Test
    void aNegativeDeclaredLengthIsRefused() {
        byte[] pickle = new PickleBytes().proto().op('X').int32(-5).stop().bytes();

        assertThatThrownBy(() -> load(pickle)).isInstanceOf(PickleException.class);
    }

    @Test
    void aTruncatedStreamIsReported() {
        byte[] whole = new PickleBytes().proto().op('}').string("key").string("value").op('s').stop().bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 4);

        assertThatThrownBy(() -> load(cut)).isInstanceOf(PickleException.class).hasMessageContaining("truncated");
    }

    @Test
    void aMemoReferenceThatWasNeverStoredIsAnError() {
        byte[] pickle = new PickleBytes().proto().op('j').int32(0x7fffffff).stop().bytes();

        assertThatThrownBy(() -> load(pickle)).isInstanceOf(PickleException.class).hasMessageContaining("memo");
    }

    @Test
    void anUnknownOpcodeIsAnErrorNamingIt() {
        byte[] pickle = new PickleBytes().proto().op('i').stop().bytes(); // INST: protocol-0 object call

        assertThatThrownBy(() -> load(pickle)).isInstanceOf(PickleException.class).hasMessageContaining("0x69");
    }

    @Test
    void aListAppendedToItselfLoadsWithoutLooping() throws Exception {
        // l = []; l.append(l)
        byte[] pickle = new PickleBytes().proto().op(']').op('q').op(0).op('h').op(0).op('a').stop().bytes();

        Object result = load(pickle);

        assertThat(result).isInstanceOf(List.class);
        assertThat(((List<?>) result).get(0)).isSameAs(result);
    }

    @Test
    void aStackUnderflowIsAnErrorNotACrash() {
        byte[] pickle = new PickleBytes().proto().op('R').stop().bytes();

        assertThatThrownBy(() -> load(pickle)).isInstanceOf(PickleException.class).hasMessageContaining("underflow");
    }

    @Test
    void aListKeyInADictionaryIsKeptByIdentity() throws Exception {
        // {[]: 1} cannot exist in Python, but a hostile file may say so; hashing it must not recurse.
        byte[] pickle = new PickleBytes().proto().op('}').op(']').int1(1).op('s').stop().bytes();

        assertThat((Map<?, ?>) load(pickle)).hasSize(1);
    }

    @Test
    void eachBudgetStopsAPickleWithItsOwnSentence() {
        // a million and one values on the stack
        PickleBytes stack = new PickleBytes().proto();
        for (int i = 0; i <= SafeUnpickler.MAX_STACK; i++) {
            stack.op('N');
        }
        assertThatThrownBy(() -> load(stack.stop().bytes())).isInstanceOf(PickleException.class)
                .hasMessage("the pickle's stack grows beyond 1000000 values (this reader's limit)");

        // a million and one memo entries of one value
        PickleBytes memo = new PickleBytes().proto().op('N');
        for (int i = 0; i <= SafeUnpickler.MAX_MEMO; i++) {
            memo.op('r').int32(i);
        }
        assertThatThrownBy(() -> load(memo.stop().bytes())).isInstanceOf(PickleException.class)
                .hasMessage("the pickle stores more than 1000000 memo entries (this reader's limit)");

        PickleBytes marks = new PickleBytes().proto();
        for (int i = 0; i <= SafeUnpickler.MAX_MARKS; i++) {
            marks.op('(');
        }
        assertThatThrownBy(() -> load(marks.stop().bytes())).isInstanceOf(PickleException.class)
                .hasMessage("the pickle opens more than 4096 MARKs at once (this reader's limit)");

        // pushed and popped: the stack stays small, the objects add up
        PickleBytes objects = new PickleBytes().proto();
        for (int i = 0; i <= SafeUnpickler.MAX_OBJECTS; i++) {
            objects.op(']').op('0');
        }
        assertThatThrownBy(() -> load(objects.stop().bytes())).isInstanceOf(PickleException.class)
                .hasMessage("the pickle creates more than 2000000 objects (this reader's limit)");
    }

    @Test
    void valuesFromAFileAreComparedByIdentityAndPrintedWithoutLookingInside() throws Exception {
        // a = [b], b = [a]; then t40 = (t39, t39) ... sharing one tuple 2^40 times
        byte[] cycle = new PickleBytes().proto().op(']').op('q').op(0).op(']').op('q').op(1).op('h').op(0)
                .op('a').op('a').stop().bytes();
        PickleBytes dup = new PickleBytes().proto().op(')');
        for (int i = 0; i < 40; i++) {
            dup.op('2').op(0x86);
        }
        PickleBytes deep = new PickleBytes().proto().op(')');
        for (int i = 0; i < 100_000; i++) {
            deep.op(0x85);
        }

        for (Object value : List.of(load(cycle), load(dup.stop().bytes()), load(deep.stop().bytes()))) {
            assertThat(value.toString()).hasSizeLessThan(20);
            assertThat(value).isEqualTo(value).hasSameHashCodeAs(value);
            assertThat(PickleValues.describe(value)).matches("(list|tuple) of [12]");
        }
        assertThat(PyTuple.of(1L)).isNotEqualTo(PyTuple.of(1L));
    }
}
