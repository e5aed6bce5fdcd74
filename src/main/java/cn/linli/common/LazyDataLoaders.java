package cn.linli.common;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.smallrye.graphql.cdi.producer.GraphQLProducer;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.EventingService;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.jboss.logging.Logger;

/**
 * A request's DataLoaders (the batches behind the {@code @Source List<…>} resolvers) made when a field first asks for
 * one, instead of all of them for every request.
 * <p>
 * SmallRye builds a registry with one DataLoader per batch operation of the schema for each request, and graphql-java
 * dispatches each of them after every level of the result, asking the clock each time: on the near-me search, which
 * uses none of them, about 7 % of the service's CPU (issue 16). After the engine is built and has served its first
 * request, SmallRye's model is left without batch operations (so it makes an empty registry; the resolvers it built
 * keep their operations), and each request's registry is one that makes the loader a field asks for, by SmallRye's
 * own factory method, under SmallRye's own name for it. The loaders a request makes batch as before: graphql-java
 * dispatches what is in the registry when a level is done.
 * <p>
 * It reaches into SmallRye by reflection (its producer's execution service and model, a private factory method); if
 * that fails, requests keep SmallRye's registries and a warning says so. {@code linli.graphql.lazy-data-loaders=false}
 * turns it off.
 */
public class LazyDataLoaders implements EventingService {
    private static final Logger LOG = Logger.getLogger(LazyDataLoaders.class);
    /** Loaders made on demand, and whether requests get lazy registries: for the tests. */
    private static final LongAdder MADE = new LongAdder();
    private static volatile boolean active;

    static long made() {
        return MADE.sum();
    }

    static boolean active() {
        return active;
    }

    @Override
    public String getConfigKey() {
        return "linli.graphql.lazy-data-loaders";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return Instrumentations.add(builder, new OnFirstUse());
    }

    /**
     * Swaps each request's registry for a lazy one, once SmallRye's batch operations are known. SmallRye builds its
     * engine lazily and without a lock, so first requests that arrive together may each build one, with an instance
     * of this instrumentation each; the take-over empties SmallRye's one model, so it is done once for the process
     * ({@link TakeOver}) and every instance uses it. (Per instance, the second engine found the model already emptied,
     * kept SmallRye's registries, now empty, and every batched field of every later request failed.)
     */
    static final class OnFirstUse extends SimplePerformantInstrumentation {
        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            TakeOver done = TakeOver.of(input.getDataLoaderRegistry());
            if (done == null) {
                return input;
            }
            DataLoaderRegistry made = input.getDataLoaderRegistry();
            return input.transform(b -> b.dataLoaderRegistry(new OnDemand(done.operations(), done.factory(), made)));
        }
    }

    /** Batch operations by their DataLoader name, and how SmallRye makes a loader: taken over once per process. */
    record TakeOver(Map<String, Operation> operations, Function<Operation, DataLoader<?, ?>> factory) {
        private static volatile TakeOver done;
        private static volatile boolean failed;

        /** The take-over, made on the first call with that request's registry (SmallRye's, complete); null if it failed. */
        static TakeOver of(DataLoaderRegistry first) {
            TakeOver taken = done;
            if (taken != null || failed) {
                return taken;
            }
            synchronized (TakeOver.class) {
                if (done == null && !failed) {
                    done = make(first);
                    failed = done == null;
                }
                return done;
            }
        }

        private static TakeOver make(DataLoaderRegistry first) {
            try {
                GraphQLProducer producer = (GraphQLProducer) ClientProxy.unwrap(Arc.container().instance(GraphQLProducer.class).get());
                Schema model = Instrumentations.read(producer, "schema", Schema.class);
                ExecutionService service = (ExecutionService) ClientProxy.unwrap(
                        Instrumentations.read(producer, "executionService", ExecutionService.class));
                Method make = ExecutionService.class.getDeclaredMethod("getDataLoaderForOperation", Operation.class);
                make.setAccessible(true);
                BatchLoaderHelper names = new BatchLoaderHelper();
                Map<String, Operation> byName = new HashMap<>();
                for (Operation operation : model.getBatchOperations()) {
                    byName.put(names.getName(operation), operation);
                }
                if (first != null && !first.getKeys().equals(byName.keySet())) {
                    throw new IllegalStateException("SmallRye's registry holds " + first.getKeys() + ", its model " + byName.keySet());
                }
                Function<Operation, DataLoader<?, ?>> factory = operation -> {
                    try {
                        return (DataLoader<?, ?>) make.invoke(service, operation);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("SmallRye could not make the DataLoader of " + operation.getName(), e);
                    }
                };
                for (Type type : model.getTypes().values()) {
                    if (type.hasBatchOperations()) {
                        type.setBatchOperations(new HashMap<>());
                    }
                }
                active = true;
                LOG.debugf("%d DataLoaders made on demand", byName.size());
                return new TakeOver(Map.copyOf(byName), factory);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warnf("Every request keeps SmallRye's DataLoaders (%s): the SmallRye GraphQL version changed; see %s",
                        e.toString(), LazyDataLoaders.class.getName());
                return null;
            }
        }
    }

    /** A registry that makes a batch operation's loader on the first look-up of its name. */
    static final class OnDemand extends DataLoaderRegistry {
        private final Map<String, Operation> operations;
        private final Function<Operation, DataLoader<?, ?>> factory;

        OnDemand(Map<String, Operation> operations, Function<Operation, DataLoader<?, ?>> factory, DataLoaderRegistry made) {
            this.operations = operations;
            this.factory = factory;
            if (made != null) {
                made.getDataLoadersMap().forEach(this::register); // loaders SmallRye made all the same (first requests)
            }
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<K, V> loader = super.getDataLoader(key);
            if (loader != null) {
                return loader;
            }
            Operation operation = operations.get(key);
            return operation == null ? null : computeIfAbsent(key, name -> {
                MADE.increment();
                return factory.apply(operation);
            });
        }
    }
}
