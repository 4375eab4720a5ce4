package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.triggers.TriggerDescriptor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.builder.AstBuilder;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.control.CompilePhase;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Parses every example Jenkinsfile with Groovy and checks that each {@code ml*} call names a step
 * of this plugin and only arguments its Step class binds, so the examples cannot drift from the code.
 */
class ExampleJenkinsfilesTest {
    private static final Path EXAMPLES = Path.of("..", "example-jenkinsfiles");
    /** A step call found in a Jenkinsfile. */
    record Call(String file, int line, String step, List<String> arguments) {}

    /** Function name to the argument names its Step class binds, discovered from the SezPoz index. */
    static Map<String, Set<String>> stepArguments() throws Exception {
        Path index = Path.of("target/classes/META-INF/annotations/hudson.Extension.txt");
        Map<String, Set<String>> steps = new HashMap<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Class<?> type = Class.forName(line.replaceAll("\\{.*$", "").strip());
            if (StepDescriptor.class.isAssignableFrom(type)) {
                StepDescriptor descriptor =
                        (StepDescriptor) type.getDeclaredConstructor().newInstance();
                steps.put(descriptor.getFunctionName(), boundArguments(type.getEnclosingClass()));
            }
            if (TriggerDescriptor.class.isAssignableFrom(type) && type.isAnnotationPresent(Symbol.class)) {
                // triggers { mlDataChanged(...) } binds like a step: by the trigger's symbol
                steps.put(type.getAnnotation(Symbol.class).value()[0], boundArguments(type.getEnclosingClass()));
            }
        }
        return steps;
    }

    static Set<String> boundArguments(Class<?> stepClass) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> constructor : stepClass.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    assertThat(parameter.isNamePresent())
                            .as("compiled with -parameters")
                            .isTrue();
                    names.add(parameter.getName());
                }
            }
        }
        for (Method method : stepClass.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)
                    && method.getName().startsWith("set")) {
                String property = method.getName().substring(3);
                names.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
            }
        }
        return names;
    }

    static List<Call> mlCalls(Path file) throws IOException {
        List<ASTNode> nodes = new AstBuilder().buildFromString(CompilePhase.CONVERSION, false, Files.readString(file));
        List<Call> calls = new ArrayList<>();
        CodeVisitorSupport visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (call.isImplicitThis()
                        && call.getMethodAsString() != null
                        && call.getMethodAsString().matches("ml[A-Z].*")) {
                    calls.add(new Call(
                            file.getFileName().toString(),
                            call.getLineNumber(),
                            call.getMethodAsString(),
                            namedArguments(call.getArguments())));
                }
                super.visitMethodCallExpression(call);
            }
        };
        for (ASTNode node : nodes) {
            if (node instanceof BlockStatement block) {
                block.visit(visitor);
            } else if (node instanceof ClassNode type) {
                // the script body is the BlockStatement; visit only methods the script declares itself
                type.getMethods().stream()
                        .filter(m -> !m.getName().equals("run") && !m.getName().equals("main") && m.getCode() != null)
                        .forEach(m -> m.getCode().visit(visitor));
            }
        }
        return calls;
    }

    static List<String> namedArguments(Expression arguments) {
        List<String> names = new ArrayList<>();
        List<Expression> expressions =
                arguments instanceof TupleExpression tuple ? tuple.getExpressions() : List.of(arguments);
        for (Expression expression : expressions) {
            if (expression instanceof ClosureExpression) {
                continue; // a block step's body, as in mlRetrainWhen(...) { ... }
            }
            if (expression instanceof MapExpression map) {
                for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                    names.add(
                            entry.getKeyExpression() instanceof ConstantExpression key
                                    ? key.getText()
                                    : "<dynamic key>");
                }
            } else {
                names.add("<positional argument>");
            }
        }
        return names;
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().endsWith("Jenkinsfile"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void shouldUseOnlyStepAndArgumentNamesThatTheStepClassesBind() throws Exception {
        Map<String, Set<String>> steps = stepArguments();
        assertThat(steps)
                .containsKeys(
                        "mlTrain",
                        "mlEvaluate",
                        "mlRegister",
                        "mlPromote",
                        "mlDeploy",
                        "mlRetrainWhen",
                        "mlDataChanged",
                        "mlModelDecay");
        assertThat(steps.get("mlEvaluate")).contains("model", "gates", "baseline", "onGateFailure");

        List<Path> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        List<Call> all = new ArrayList<>();
        for (Path example : examples) {
            List<Call> calls = mlCalls(example);
            assertThat(calls).as(example + " calls ml steps").isNotEmpty();
            all.addAll(calls);
        }
        for (Call call : all) {
            String where = call.file() + " line " + call.line() + ": " + call.step();
            assertThat(steps).as(where + " is a step of this plugin").containsKey(call.step());
            assertThat(call.arguments()).as(where + " arguments").isNotEmpty().isSubsetOf(steps.get(call.step()));
        }
        assertThat(all)
                .extracting(Call::step)
                .contains("mlTrain", "mlEvaluate", "mlRegister", "mlPromote", "mlDeploy", "mlRetrainWhen");
        assertThat(all)
                .filteredOn(call -> call.step().equals("mlRetrainWhen"))
                .as("the nightly example's check binds every argument the issue names")
                .anySatisfy(call -> assertThat(call.arguments())
                        .contains(
                                "model",
                                "data",
                                "service",
                                "accuracyBelow",
                                "driftAbove",
                                "minFeedback",
                                "maxAgeDays",
                                "minNewRows"));
    }

    @Test
    void shouldDetectAnArgumentTheStepDoesNotBind(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("Jenkinsfile");
        Files.writeString(
                wrong,
                "pipeline { agent any; stages { stage('x') { steps { mlTrain(data: 'a.csv', lable: 'c') } } } }");

        List<Call> calls = mlCalls(wrong);

        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.step()).isEqualTo("mlTrain");
            assertThat(c.arguments()).containsExactly("data", "lable");
            assertThat(stepArguments().get("mlTrain")).doesNotContain("lable");
        });
    }
}
