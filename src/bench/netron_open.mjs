// Opens one model file with Netron's own loader, the way Netron's desktop app does, and prints how
// long that took and how many tensors it found. The benchmark (run.sh) times this whole command
// against `bias-inspector list` on the same file.
//
//   NETRON_DIR=/path/to/netron node src/bench/netron_open.mjs MODEL_FILE_OR_FOLDER
//
// NETRON_DIR is a checkout of github.com/lutzroeder/netron (the benchmark used commit 38591e3,
// version 9.2.1). Nothing of Netron is copied here: this file imports Netron's source/view.js and
// gives it a host, a small stand-in for the Electron host in Netron's source/desktop.mjs.
//
// What is Netron's and what is ours:
// - Netron's: view.ModelFactoryService (the registry of all format modules; it picks the module by
//   extension and signature, calls its match/open, and for a sharded safetensors index fetches every
//   shard through the host), node.FileStream, base.BinaryStream and every format module.
// - Ours, copied in behaviour from desktop.mjs (Host.fetch, Host._context, desktop.Context):
//   a file under 1 GiB is read whole into memory, a larger one is opened as a FileStream; a folder is
//   walked and handed over as entries; fetches may not leave the model's folder.
// - Not done: drawing the graph (view.View.render needs a browser DOM). What is timed is what happens
//   between choosing the file and having Netron's model object, the step a `list` compares with.
//
// Output (stdout, one line): `netron <format> tensors=<count> open_ms=<ms>`; exit 1 with the error.
//
//   ... node src/bench/netron_open.mjs MODEL --values NAME OUT.f32
// also writes the values Netron decodes for the tensor NAME (base.Tensor, as its tensor view shows
// them) as little-endian float32 to OUT.f32: the benchmark's independent check of the generator.
// NETRON_OPEN_DEBUG=1 prints the stack of an error.
import * as fs from 'fs';
import * as path from 'path';
import * as process from 'process';
import * as url from 'url';

const started = process.hrtime.bigint();

const netronDir = process.env.NETRON_DIR;
const args = process.argv.slice(2);
if (!netronDir || !(args.length === 1 || (args.length === 4 && args[1] === '--values'))) {
    process.stderr.write('usage: NETRON_DIR=/path/to/netron node netron_open.mjs MODEL [--values NAME OUT.f32]\n');
    process.exit(2);
}
const source = path.resolve(netronDir, 'source');
const load = (name) => import(url.pathToFileURL(path.join(source, name)).href);
const [base, node, view] = await Promise.all([load('base.js'), load('node.js'), load('view.js')]);

// desktop.Host, reduced to what opening a model uses.
class Host {
    constructor() {
        this.errors = [];
    }

    get type() {
        return 'Desktop';
    }

    environment(name) {
        return { zoom: 'none', serial: true }[name];
    }

    async require(id) {
        return load(`${id}.js`);
    }

    async asset(file) {
        return this.fetch(file, 'utf-8', null);
    }

    // desktop.mjs Host.fetch: same folder check, same 1 GiB rule for reading whole files.
    async fetch(file, encoding, basename) {
        const root = path.resolve(basename || source);
        const pathname = path.resolve(root, file);
        const relative = path.relative(root, pathname);
        if (relative !== '' && (relative.startsWith('..') || path.isAbsolute(relative))) {
            throw new Error(`The path '${pathname}' is invalid.`);
        }
        const stat = fs.statSync(pathname, { throwIfNoEntry: false });
        if (!stat) {
            throw new Error(`The file '${file}' does not exist.`);
        }
        if (!stat.isFile()) {
            throw new Error(`The path '${file}' is not a file.`);
        }
        if (stat.size < 0x40000000) {
            const data = fs.readFileSync(pathname, encoding);
            return encoding ? data : new base.BinaryStream(data);
        }
        if (encoding) {
            throw new Error(`The file '${file}' size (${stat.size}) for encoding '${encoding}' is greater than 2 GB.`);
        }
        return new node.FileStream(pathname, 0, stat.size, stat.mtimeMs);
    }

    event() {
    }

    exception(error) {
        this.errors.push(error);
    }
}

// desktop.Context
class Context {
    constructor(host, folder, identifier, stream, entries) {
        this._host = host;
        this._folder = folder;
        this._identifier = identifier;
        this._stream = stream;
        this._entries = entries || new Map();
    }

    get identifier() {
        return this._identifier;
    }

    get stream() {
        return this._stream;
    }

    get entries() {
        return this._entries;
    }

    async asset(file) {
        return this._host.asset(file);
    }

    async fetch(file, encoding, base) {
        return this._host.fetch(file, encoding, base === undefined ? this._folder : base);
    }

    async require(id) {
        return this._host.require(id);
    }

    error(error, fatal) {
        this._host.exception(error, fatal);
    }
}

// desktop.mjs Host._context
async function context(host, location) {
    const basename = path.basename(location);
    const stat = fs.statSync(location);
    if (stat.isFile()) {
        const dirname = path.dirname(location);
        return new Context(host, dirname, basename, await host.fetch(basename, null, dirname));
    }
    const entries = new Map();
    const walk = (dir) => {
        for (const item of fs.readdirSync(dir)) {
            const pathname = path.join(dir, item);
            const itemStat = fs.statSync(pathname);
            if (itemStat.isDirectory()) {
                walk(pathname);
            } else if (itemStat.isFile()) {
                entries.set(pathname.split(path.sep).join(path.posix.sep),
                    new node.FileStream(pathname, 0, itemStat.size, itemStat.mtimeMs));
            }
        }
    };
    walk(location);
    return new Context(host, location, basename, null, entries);
}

// Tensors Netron shows: every initializer reachable from the graphs' nodes (inputs and
// attributes), nested graphs included, each counted once, by the name Netron gives its value.
function tensors(model) {
    const seen = new Map();
    const visitGraph = (graph) => {
        for (const node of graph.nodes || []) {
            for (const argument of [...(node.inputs || []), ...(node.outputs || [])]) {
                for (const value of Array.isArray(argument.value) ? argument.value : []) {
                    if (value && value.initializer && !seen.has(value.name)) {
                        seen.set(value.name, value.initializer);
                    }
                }
            }
            if (node.type && Array.isArray(node.type.nodes)) {
                visitGraph(node.type);
            }
        }
    };
    for (const graph of [...(model.modules || []), ...(model.functions || [])]) {
        visitGraph(graph);
    }
    return seen;
}

try {
    const host = new Host();
    const factory = new view.ModelFactoryService(host);
    const model = await factory.open(await context(host, path.resolve(args[0])));
    const found = tensors(model);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`netron ${JSON.stringify(model.format)} tensors=${found.size} open_ms=${ms.toFixed(1)}\n`);
    if (args.length === 4) {
        const initializer = found.get(args[2]);
        if (!initializer) {
            throw new Error(`no tensor '${args[2]}'`);
        }
        if (initializer.peek && !initializer.peek()) {
            await initializer.read();
        }
        const values = new base.Tensor(initializer).value;
        fs.writeFileSync(args[3], Buffer.from(Float32Array.from(values.flat(Infinity)).buffer));
    }
    if (host.errors.length > 0) {
        process.stderr.write(`netron reported: ${host.errors.map((e) => e.message).join('; ')}\n`);
    }
} catch (error) {
    process.stderr.write(`netron could not open ${args[0]}: ${error.message}\n`);
    if (process.env.NETRON_OPEN_DEBUG) {
        process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
}
