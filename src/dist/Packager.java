import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the desktop app from {@code target/bias-inspector.jar} and {@code target/lib}: a jlink-trimmed
 * runtime, a jpackage app image with a class-data-sharing archive trained on the demo, and the
 * platform's installer. Run by the {@code dist} Maven profile as a single-file Java program (no
 * shell, so the same steps run on Linux, macOS and Windows):
 *
 * <pre>java src/dist/Packager.java target=target version=0.1.0 installer=deb|dmg|msi|none [reuseImage=true]</pre>
 *
 * Why these steps:
 * <ul>
 *   <li>jdeps on every jar gives the JDK modules the app needs; a few are added by hand because
 *       they are only reached by reflection (DJL, JNA and Gson use {@code sun.misc.Unsafe} from
 *       jdk.unsupported; DJL reads archives through jdk.zipfs).</li>
 *   <li>JDK 17's jlink cannot write the default CDS archive, so the runtime's own java writes it
 *       ({@code -Xshare:dump}); the app's archive then holds the JDK and app classes that training
 *       runs of the launcher loaded (list, export, dump, diff, and the window when a display is
 *       there), merged from {@code -XX:DumpLoadedClassList} and dumped with the launcher's exact
 *       class path.</li>
 *   <li>On Linux the launcher is a shell script ({@link #writeShellLauncher}): jpackage's native one
 *       asks rpm and dpkg which package owns it before Java starts, which cost every start more
 *       than the JVM's own start; the commands run C1 only, the window keeps C2 (see
 *       {@link #COMMANDS_JIT}).</li>
 * </ul>
 */
public final class Packager {

    static final String NAME = "bias-inspector";
    static final String MAIN_CLASS = "dev.biasinspector.Main";
    static final List<String> EXTRA_MODULES = List.of("jdk.unsupported", "jdk.zipfs", "java.logging",
            "java.naming", "java.management", "jdk.crypto.ec", "java.prefs", "java.desktop");
    static final List<String> C2_LATER = List.of("-XX:Tier4InvocationThreshold=40000",
            "-XX:Tier4MinInvocationThreshold=20000", "-XX:Tier4CompileThreshold=45000",
            "-XX:Tier4BackEdgeThreshold=400000");
    /**
     * The commands run C1 only (the launcher script adds it when its first argument is one): they
     * take well under a second on common files, where C2's compiles cost more CPU than they save
     * (list 216 -> 166 ms of CPU, export of 10^6 values 878 -> 545 ms, dump of them 858 -> 667 ms).
     * Not the window: SHA-256 (the DJL consent) has its intrinsic in C2 only, 11x slower without.
     */
    static final String COMMANDS_JIT = "-XX:TieredStopAtLevel=1";
    /**
     * The window's Java heap in transparent huge pages, on Linux where the kernel has them (the
     * launcher script adds it when no command is given). A window start takes about 17,300 page
     * faults, and where a fault is dear (about 17 us on the slow VMs here, 0.3 s of the start)
     * fewer of them count: 12,900 with it, first chart medians 900 -> 830 and 898 -> 786 ms (15
     * interleaved starts each, both orders, 2026-12-02); the resident set grows from 95 to 105 MB.
     * The commands gain little (list 281 -> 258 ms, export unchanged) and stay without it. The
     * flag exists in Linux's JVM only, hence the script, not the .cfg that the Windows and macOS
     * launchers read too.
     */
    static final String WINDOW_HEAP = "-XX:+UseTransparentHugePages";
    static final List<String> ASSOCIATED = List.of("pt", "pth", "safetensors", "gguf", "onnx", "params");

    final Path base;
    final Path target;
    final String version;
    final String installer;
    final boolean reuseImage;
    final boolean windows = os().startsWith("windows");
    final boolean mac = os().startsWith("mac");

    Packager(Map<String, String> args) {
        base = Path.of(args.getOrDefault("basedir", ".")).toAbsolutePath().normalize();
        target = base.resolve(args.getOrDefault("target", "target"));
        // jpackage wants 1 to 3 numbers; 0.1.0-SNAPSHOT ships as 0.1.0.
        version = args.getOrDefault("version", "0.1.0").replaceAll("[^0-9.].*$", "");
        installer = args.getOrDefault("installer", "none");
        reuseImage = Boolean.parseBoolean(args.getOrDefault("reuseImage", "false"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new Packager(args).run();
    }

    static String os() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT);
    }

    void run() throws Exception {
        Path dist = target.resolve("dist");
        // jpackage names the macOS image bias-inspector.app.
        Path image = dist.resolve(mac ? NAME + ".app" : NAME);
        if (reuseImage && Files.isDirectory(image)) {
            // Installer templates changed, app unchanged: skip the minutes of image and training.
            installer(image, dist);
            return;
        }
        Path runtime = target.resolve("jlink-runtime");
        Path input = target.resolve("jpackage-input");
        for (Path p : List.of(image, runtime, input)) {
            deleteTree(p);
        }
        Files.createDirectories(dist);

        copyInput(input);
        Set<String> modules = modules(input);
        log("modules: " + String.join(",", modules));
        tool("jlink", "--add-modules", String.join(",", modules), "--strip-debug", "--no-header-files",
                "--no-man-pages", "--compress=2", "--output", runtime.toString());
        exec(null, List.of(java(runtime).toString(), "-Xshare:dump", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));

        List<String> jpackage = new ArrayList<>(List.of("--type", "app-image", "--dest", dist.toString(),
                "--name", NAME, "--input", input.toString(), "--main-jar", NAME + ".jar",
                "--main-class", MAIN_CLASS, "--runtime-image", runtime.toString(), "--app-version", version,
                "--vendor", "Bias Inspector", "--description", "Look at the biases of neural network model files",
                "--copyright", "Apache-2.0",
                // The native library ships in the pytorch-native-cpu jar; DJL must never download it.
                "--java-options", "-Dai.djl.offline=true",
                // Missing or mismatched (another JDK), the JVM starts without it: -Xshare:auto.
                "--java-options", "-Xshare:auto",
                "--java-options", "-XX:SharedArchiveFile=$APPDIR/" + NAME + ".jsa",
                "--java-options", "-Xlog:cds=off", "--java-options", "-Xlog:cds+dynamic=off"));
        // C2 compiles a method after about eight times the default number of calls and loops: at
        // start it competed for the two cores with the start itself (window's first chart 1.42 s
        // -> 1.07 s), while long work still gets it (SHA-256 of a model for the DJL consent, the
        // redraw of 10^6 values: the same speed as with the defaults).
        for (String option : C2_LATER) {
            jpackage.addAll(List.of("--java-options", option));
        }
        icon().ifPresent(i -> jpackage.addAll(List.of("--icon", i.toString())));
        tool("jpackage", jpackage.toArray(String[]::new));
        if (!windows && !mac) {
            writeShellLauncher(image);
        }

        trainClassDataSharing(image, dist);

        if (!installer.equals("none")) {
            installer(image, dist);
        }
        log("app image: " + image);
    }

    /**
     * Replaces jpackage's native Linux launcher by a POSIX shell script that starts the bundled
     * java with the same class path, options and main class (read here from the launcher's .cfg).
     * JDK 17's native launcher first asks {@code rpm -qf} and {@code dpkg -S} which package owns
     * it, twice (strace: four child processes before the JVM starts, and {@code dpkg -L} on top
     * when installed from the .deb); dpkg reads its whole file database for that, which made the
     * launcher 0.1–0.3 s slower than {@code java -jar} for {@code list}. The script uses shell
     * built-ins only (CI runs it with an empty PATH), plus readlink when it is started through a
     * symbolic link (the .deb's /usr/bin/bias-inspector).
     */
    void writeShellLauncher(Path image) throws IOException {
        Path cfg = find(image, NAME + ".cfg");
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (String line : Files.readAllLines(cfg)) {
            if (line.startsWith("app.classpath=")) {
                classPath.add(line.substring("app.classpath=".length()));
            } else if (line.startsWith("app.mainclass=")) {
                mainClass = line.substring("app.mainclass=".length());
            } else if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()));
            }
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new IllegalStateException(cfg + " has no app.mainclass or app.classpath: jpackage changed its format");
        }
        StringBuilder exec = new StringBuilder("exec \"$root/lib/runtime/bin/java\" \\\n    -classpath ")
                .append(shellWord(String.join(":", classPath))).append(" \\\n");
        for (String option : options) {
            exec.append("    ").append(shellWord(option)).append(" \\\n");
        }
        exec.append("    ${jit:+\"$jit\"} \\\n");
        exec.append("    ${heap:+\"$heap\"} \\\n");
        exec.append("    \"-Djpackage.app-path=$root/bin/").append(NAME).append("\" \\\n    ")
                .append(shellWord(mainClass)).append(" \"$@\"\n");
        String script = """
                #!/bin/sh
                # Bias Inspector's launcher, written by src/dist/Packager.java from lib/app/%1$s.cfg
                # in place of jpackage's native one, which asks rpm and dpkg which package owns it
                # before it starts Java (0.1-0.3 s of every start). Shell built-ins only: no tool
                # from the PATH is needed, except readlink when started through a symbolic link.
                self=$0
                if [ -L "$self" ]; then
                    for readlink in /usr/bin/readlink /bin/readlink readlink; do
                        if resolved=$("$readlink" -f -- "$self" 2>/dev/null) && [ -n "$resolved" ]; then
                            self=$resolved
                            break
                        fi
                    done
                fi
                case $self in
                    */*) bin=${self%%/*} ;;
                    *) bin=. ;;
                esac
                root=$(cd -P -- "$bin/.." && pwd -P) || exit 1
                APPDIR=$root/lib/app
                # As jpackage's launcher: the app folder is searched for native libraries too.
                LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$APPDIR
                export LD_LIBRARY_PATH
                # The commands are short runs: C1 only (see Packager.COMMANDS_JIT). The window's
                # heap in transparent huge pages, where the kernel has them (Packager.WINDOW_HEAP).
                jit=
                heap=
                case ${1-} in
                    list|dump|export|diff) jit=%2$s ;;
                    *) if [ -e /sys/kernel/mm/transparent_hugepage/enabled ]; then heap=%3$s; fi ;;
                esac
                """.formatted(NAME, COMMANDS_JIT, WINDOW_HEAP) + exec;
        Path launcher = launcher(image);
        Files.delete(launcher);
        Files.writeString(launcher, script);
        launcher.toFile().setExecutable(true, false);
        log("launcher: " + launcher + " (shell script, in place of jpackage's native launcher)");
    }

    /**
     * One double-quoted shell word; {@code $APPDIR} (jpackage's placeholder in the .cfg) stays a
     * reference to the script's variable, everything else is literal.
     */
    static String shellWord(String value) {
        StringBuilder word = new StringBuilder("\"");
        String[] parts = value.split(java.util.regex.Pattern.quote("$APPDIR"), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                word.append("${APPDIR}");
            }
            word.append(parts[i].replaceAll("([\"\\\\$`])", "\\\\$1"));
        }
        return word.append('"').toString();
    }

    /** The app jar and its runtime dependencies, flat, as the jar's manifest Class-Path expects (lib/). */
    void copyInput(Path input) throws IOException {
        Files.createDirectories(input.resolve("lib"));
        Files.copy(target.resolve(NAME + ".jar"), input.resolve(NAME + ".jar"));
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Files.copy(jar, input.resolve("lib").resolve(jar.getFileName()));
            }
        }
    }

    /** jdeps per jar: on all of them at once it stops at the first modular jar with an optional requires. */
    Set<String> modules(Path input) throws IOException {
        Set<String> modules = new TreeSet<>(EXTRA_MODULES);
        List<Path> jars = new ArrayList<>();
        jars.add(input.resolve(NAME + ".jar"));
        try (Stream<Path> lib = Files.list(input.resolve("lib"))) {
            lib.sorted().forEach(jars::add);
        }
        for (Path jar : jars) {
            String out = toolOutput("jdeps", "--multi-release", "17", "--ignore-missing-deps",
                    "--print-module-deps", jar.toString());
            String last = out.strip().lines().reduce((a, b) -> b).orElse("");
            if (last.matches("[a-z0-9.,]*")) {
                modules.addAll(Arrays.stream(last.split(",")).filter(s -> !s.isEmpty()).toList());
            } else {
                log("jdeps could not read " + jar.getFileName() + "; relying on the added modules");
            }
        }
        return modules;
    }

    /**
     * Runs the launcher on the demo with {@code -XX:DumpLoadedClassList} (through JAVA_TOOL_OPTIONS,
     * so it is the real launcher and class path), merges the lists and dumps a static archive.
     */
    void trainClassDataSharing(Path image, Path dist) throws Exception {
        Path cds = target.resolve("cds-training");
        deleteTree(cds);
        Files.createDirectories(cds);
        Path demo = base.resolve("models/simple_net.pt");
        Path trained = base.resolve("models/simple_net_trained.pt");
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("list", demo.toString()));
        runs.add(List.of("list", "--all", "--json", demo.toString()));
        runs.add(List.of("export", demo.toString(), "fc1", "-o", cds.resolve("fc1.png").toString()));
        runs.add(List.of("export", demo.toString(), "fc1", "fc2", "--compare", trained.toString(), "--dark",
                "-o", cds.resolve("compare.png").toString()));
        runs.add(List.of("dump", "--json", demo.toString(), "fc2"));
        runs.add(List.of("diff", demo.toString(), trained.toString()));
        runs.add(List.of("--version"));
        Path launcher = launcher(image);
        List<Path> lists = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Path list = cds.resolve("run" + i + ".classlist");
            List<String> command = new ArrayList<>(List.of(launcher.toString()));
            command.addAll(runs.get(i));
            exec(Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list), command);
            lists.add(list);
        }
        windowRun(launcher, demo, cds).ifPresent(lists::add);

        // Names only: the " id: N" suffixes of different runs would clash; they matter only for
        // classes of custom loaders, which the app does not use.
        Set<String> merged = new LinkedHashSet<>();
        for (Path list : lists) {
            if (Files.exists(list)) {
                for (String line : Files.readAllLines(list)) {
                    if (!line.startsWith("#")) {
                        merged.add(line.replaceFirst(" id: \\d+$", ""));
                    }
                }
            }
        }
        Path classList = cds.resolve("merged.classlist");
        Files.write(classList, merged);

        Path cfg = find(image, NAME + ".cfg");
        Path appDir = cfg.getParent();
        List<String> classPath = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            if (line.startsWith("app.classpath=")) {
                classPath.add(line.substring("app.classpath=".length()).replace("$APPDIR", appDir.toString()));
            }
        }
        Path archive = appDir.resolve(NAME + ".jsa");
        exec(null, List.of(java(runtimeOf(image)).toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", String.join(java.io.File.pathSeparator, classPath)));
        // Kept in the image: an installer whose app lands elsewhere dumps its own archive from it
        // (the .deb's postinst), because a JDK 17 archive only matches its dump-time class path.
        Files.write(appDir.resolve(NAME + ".classlist"), merged);
        log("CDS archive: " + archive + " (" + merged.size() + " classes, "
                + Files.size(archive) / (1024 * 1024) + " MiB)");
    }

    /**
     * Opens the window on the demo until its chart is painted ({@code bias-inspector.firstChart=exit}),
     * so Swing, FlatLaf and JFreeChart's drawing classes are archived too. Needs a display; on Linux
     * without one it uses xvfb-run when installed, otherwise it is skipped (the archive then covers
     * the command line only).
     */
    java.util.Optional<Path> windowRun(Path launcher, Path demo, Path cds) throws Exception {
        Path list = cds.resolve("window.classlist");
        List<String> command = new ArrayList<>();
        boolean linux = !windows && !mac;
        if (linux && System.getenv("DISPLAY") == null) {
            if (onPath("xvfb-run") == null) {
                log("no display and no xvfb-run: the CDS archive will not include the window's classes");
                return java.util.Optional.empty();
            }
            command.addAll(List.of(onPath("xvfb-run").toString(), "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.addAll(List.of(launcher.toString(), demo.toString()));
        Path prefs = cds.resolve("prefs");
        exec(Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list
                + " -Dbias-inspector.firstChart=exit -Dbias-inspector.singleInstance=false"
                + " -Djava.util.prefs.userRoot=" + prefs), command);
        return java.util.Optional.of(list);
    }

    void installer(Path image, Path dist) throws Exception {
        // The installed app lives elsewhere (/opt/bias-inspector), where this archive would not
        // match; the .deb writes its own on install, the others start without one.
        try (Stream<Path> old = Files.list(dist)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith("." + installer)).toList()) {
                Files.delete(p);
            }
        }
        Path copy = target.resolve("installer-image").resolve(image.getFileName().toString());
        deleteTree(copy.getParent());
        linkTree(image, copy, p -> !p.getFileName().toString().equals(NAME + ".jsa"));
        List<String> args = new ArrayList<>(List.of("--type", installer, "--app-image", copy.toString(),
                "--dest", dist.toString(), "--name", NAME, "--app-version", version,
                "--vendor", "Bias Inspector", "--description", "Look at the biases of neural network model files",
                "--license-file", base.resolve("LICENSE").toString()));
        for (String ext : ASSOCIATED) {
            args.addAll(List.of("--file-associations", base.resolve("src/dist/associations/" + ext + ".properties").toString()));
        }
        icon().ifPresent(i -> args.addAll(List.of("--icon", i.toString())));
        switch (installer) {
            case "deb" -> {
                args.addAll(List.of("--linux-shortcut", "--linux-menu-group", "Development;Science;",
                        "--linux-app-category", "science", "--linux-deb-maintainer", "bias-inspector@localhost",
                        "--resource-dir", base.resolve("src/dist/linux").toString()));
            }
            case "msi" -> args.addAll(List.of("--win-menu", "--win-shortcut", "--win-dir-chooser",
                    "--win-menu-group", "Bias Inspector"));
            case "dmg" -> args.addAll(List.of("--mac-package-name", "Bias Inspector"));
            default -> throw new IllegalArgumentException("installer=" + installer + ": use deb, dmg, msi or none");
        }
        if (Boolean.getBoolean("verbose") || System.getenv("DIST_VERBOSE") != null) {
            args.add("--verbose");
        }
        // A child process, so dpkg-deb sees this environment: the payload is mostly compressed
        // already (jars, jlink's modules file), where xz's default level only costs minutes.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                windows ? "jpackage.exe" : "jpackage").toString()));
        command.addAll(args);
        Map<String, String> env = new LinkedHashMap<>();
        if (System.getenv("DPKG_DEB_COMPRESSOR_LEVEL") == null) {
            env.put("DPKG_DEB_COMPRESSOR_LEVEL", "1");
        }
        exec(env, command);
        try (Stream<Path> files = Files.list(dist)) {
            files.filter(p -> p.getFileName().toString().endsWith("." + installer))
                    .forEach(p -> log("installer: " + p));
        }
    }

    /** The platform's icon format, written by src/test/java/.../tools/IconGenerator. */
    java.util.Optional<Path> icon() {
        String file = windows ? "bias-inspector.ico" : mac ? "bias-inspector.icns" : "bias-inspector.png";
        Path icon = base.resolve("src/dist/icons").resolve(file);
        return Files.exists(icon) ? java.util.Optional.of(icon) : java.util.Optional.empty();
    }

    Path launcher(Path image) {
        if (windows) {
            return image.resolve(NAME + ".exe");
        }
        return mac ? image.resolve("Contents/MacOS/" + NAME) : image.resolve("bin/" + NAME);
    }

    Path runtimeOf(Path image) {
        if (windows) {
            return image.resolve("runtime");
        }
        return mac ? image.resolve("Contents/runtime/Contents/Home") : image.resolve("lib/runtime");
    }

    Path java(Path runtime) {
        return runtime.resolve(windows ? "bin/java.exe" : "bin/java");
    }

    static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static Path find(Path root, String name) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new IOException(name + " not found under " + root));
        }
    }

    static void tool(String name, String... args) {
        log(name + " " + String.join(" ", args));
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        int status = tool.run(System.out, System.err, args);
        if (status != 0) {
            throw new IllegalStateException(name + " failed with exit code " + status);
        }
    }

    static String toolOutput(String name, String... args) {
        StringWriter out = new StringWriter();
        try {
            ToolProvider.findFirst(name).orElseThrow().run(new PrintWriter(out), new PrintWriter(out), args);
        } catch (RuntimeException e) {
            // jdeps throws (rather than failing) on a modular jar whose requires are missing.
            return e.toString();
        }
        return out.toString();
    }

    static void exec(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        log(String.join(" ", command) + (env == null ? "" : "   (with " + env + ")"));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        if (env != null) {
            pb.environment().putAll(env);
        }
        int status = pb.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(command.get(0) + " failed with exit code " + status);
        }
    }

    /** Hard links where the file system allows (the image is 200 MB), copies otherwise. */
    static void linkTree(Path from, Path to, java.util.function.Predicate<Path> include) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (include.test(p)) {
                    try {
                        Files.createLink(dest, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void log(String message) {
        System.out.println("[dist] " + message);
    }
}
