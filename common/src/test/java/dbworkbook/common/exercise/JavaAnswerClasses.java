package dbworkbook.common.exercise;

import dbworkbook.common.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java files of one answer, compiled by the JDK's compiler inside the test run and loaded in a class loader of
 * their own. The build never compiles the learner's exercise files (see the parent pom): that is why a half-edited
 * exercise cannot break the lessons, and why its compile errors show up here, as the exercise's verdict.
 */
final class JavaAnswerClasses {

    /** One compiler and file manager for the whole run: later compilations reuse what the first one loaded. */
    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();
    private static final StandardJavaFileManager FILES = COMPILER == null ? null
            : COMPILER.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    private static final int ERRORS_SHOWN = 3;

    private final ClassLoader loader;
    private final Path output;

    private JavaAnswerClasses(ClassLoader loader, Path output) {
        this.loader = loader;
        this.output = output;
    }

    static synchronized JavaAnswerClasses compile(List<Path> sources, Path output) {
        if (COMPILER == null) {
            throw new IllegalStateException("The exercise tests need a JDK (javac), and this is a JRE: point JAVA_HOME "
                    + "at a JDK 17 or newer.");
        }
        try {
            deleteRecursively(output);
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", ChildJvm.classPath(), "-d", output.toString(), "-proc:none",
                "-implicit:none", "-encoding", "UTF-8", "-g", "-Xlint:none", "-nowarn");
        boolean compiled = COMPILER.getTask(null, FILES, diagnostics, options, null,
                FILES.getJavaFileObjectsFromPaths(sources)).call();
        if (!compiled) {
            throw new BrokenAnswer(compileErrors(diagnostics.getDiagnostics()));
        }
        return new JavaAnswerClasses(new AnswerClassLoader(output, JavaAnswerClasses.class.getClassLoader()), output);
    }

    /** The folder the classes were compiled into. */
    Path output() {
        return output;
    }

    Class<?> load(String className) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new BrokenAnswer("There is no class " + className + " in the file: did its name or package change?");
        } catch (LinkageError e) {
            throw new BrokenAnswer("The class " + className + " could not be loaded: " + e, e);
        }
    }

    <T> T newInstance(String className, Class<T> type, Object... arguments) {
        Class<?> loaded = load(className);
        if (!type.isAssignableFrom(loaded)) {
            throw new BrokenAnswer(className + " must implement " + type.getName() + " (the given interface): put "
                    + "'implements " + type.getSimpleName() + "' back.");
        }
        Constructor<?> constructor = Arrays.stream(loaded.getDeclaredConstructors())
                .filter(c -> c.getParameterCount() == arguments.length)
                .findFirst()
                .orElseThrow(() -> new BrokenAnswer(className + " needs a constructor with " + arguments.length
                        + " parameter(s), as the exercise file had: did its parameters change?"));
        try {
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(arguments));
        } catch (InvocationTargetException e) {
            throw new AnswerThrew(e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new BrokenAnswer("Could not create " + className + ": " + e, e);
        }
    }

    private static String compileErrors(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        StringBuilder message = new StringBuilder("your Java file does not compile (")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append("):");
        for (Diagnostic<? extends JavaFileObject> error : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            String file = error.getSource() == null ? "" : Path.of(error.getSource().toUri()).getFileName().toString();
            message.append(System.lineSeparator()).append("  ").append(file).append(':')
                    .append(error.getLineNumber()).append(": ")
                    .append(error.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
        }
        if (errors.size() > ERRORS_SHOWN) {
            message.append(System.lineSeparator()).append("  ... and ").append(errors.size() - ERRORS_SHOWN)
                    .append(" more");
        }
        return message.toString();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Loads the answer's own classes from its output folder first, everything else from the tests' class loader.
     * Child first, for the answer's classes only: an IDE that compiled an older copy of the exercise file elsewhere
     * on the class path cannot shadow the file being checked.
     */
    private static final class AnswerClassLoader extends URLClassLoader {

        private final Set<String> own;

        AnswerClassLoader(Path output, ClassLoader parent) {
            super(new URL[] {url(output)}, parent);
            try (Stream<Path> walk = Files.walk(output)) {
                own = walk.filter(p -> p.toString().endsWith(".class"))
                        .map(p -> output.relativize(p).toString().replace(File.separatorChar, '.')
                                .replaceAll("\\.class$", ""))
                        .collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!own.contains(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private static URL url(Path output) {
            try {
                return output.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
