package dev.riskplatform.detector.model;

import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryDocument;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.risk.ScoringModel;
import dev.riskplatform.service.registry.ModelRegistryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Owns the serving models: the default (market-wide) model {@code detector.model-name} and the per-symbol
 * models named by risk-core's SymbolModels rule ({@code <model-name>-<symbol>}). Every load (startup,
 * registry event, poll) runs on one thread, so loads never race; each result is published with one atomic
 * set of {@link ServingModels}, so the stream sees either the old or the new model of a symbol for a whole
 * bar, never a mix. A model that fails verification is counted, logged and remembered by (name, version,
 * sha256) so a poll does not re-count it; the model that served before keeps serving (for a symbol without
 * one: the default). A per-symbol model must have the default's feature spec: the bar state is built on it.
 */
@ApplicationScoped
public class ModelManager {

    private static final Logger LOG = Logger.getLogger(ModelManager.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final ModelRegistryStore registryStore;
    private final DetectorConfig config;
    private final AtomicReference<ServingModels> serving = new AtomicReference<>(ServingModels.NONE);
    private final CompletableFuture<ActiveModel> firstModel = new CompletableFuture<>();
    private final Set<String> rejected = new HashSet<>();
    private final Map<String, String> symbolProblems = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "model-loader");
        t.setDaemon(true);
        return t;
    });
    private final Counter rejectedCounter;
    private final Timer loadTime;
    private final MeterRegistry meters;
    private volatile String lastProblem = "no model loaded yet";
    private Duration retry = FIRST_RETRY;

    public ModelManager(ModelRegistryStore registryStore, DetectorConfig config, MeterRegistry meters) {
        this.registryStore = registryStore;
        this.config = config;
        this.meters = meters;
        this.rejectedCounter = Counter.builder("detector.models.rejected").description("Model versions refused by verification").register(meters);
        // Off the stream's thread; the stream's own gap across a swap is detector.model.swap.pause.
        this.loadTime = Timer.builder("detector.model.load").description("Download, verification and warm-up of a model that was then swapped in")
                .register(meters);
        Gauge.builder("detector.model.version", serving, s -> s.get().fallback() == null ? -1 : s.get().fallback().version())
                .description("Version of the default model serving now (-1 before the first one)").register(meters);
        Gauge.builder("detector.model.age.seconds", serving,
                s -> s.get().fallback() == null ? -1 : Duration.between(s.get().fallback().loadedAt(), Instant.now()).toSeconds())
                .description("Seconds since the default model was loaded (-1 before the first one)").register(meters);
        Gauge.builder("detector.models.symbols", serving, s -> s.get().bySymbol().size())
                .description("Symbols scored by a model of their own (the others by the default model)").register(meters);
    }

    void onStart(@Observes StartupEvent ev) {
        loader.execute(this::startupAttempt);
    }

    void onStop(@Observes ShutdownEvent ev) {
        loader.shutdownNow();
    }

    /** The default model serving now, or empty before the first valid one. */
    public Optional<ActiveModel> active() {
        return Optional.ofNullable(serving.get().fallback());
    }

    /** The default model serving now, or null before the first one. */
    public ActiveModel current() {
        return serving.get().fallback();
    }

    /** The model that scores {@code symbol} now (its own, else the default; null before the first): the per-trade read. */
    public ActiveModel forSymbol(String symbol) {
        return serving.get().forSymbol(symbol);
    }

    /** What serves which symbol now. */
    public ServingModels serving() {
        return serving.get();
    }

    /** Why a symbol's own model is not (or not in its newest version) serving, by symbol. */
    public Map<String, String> symbolProblems() {
        return Map.copyOf(symbolProblems);
    }

    /** Completes with the first valid default model, once the per-symbol models were looked up; the stream waits on it. */
    public CompletableFuture<ActiveModel> firstModel() {
        return firstModel;
    }

    public String lastProblem() {
        return lastProblem;
    }

    public double rejectedCount() {
        return rejectedCounter.count();
    }

    /** Asks for a check of every registry (the default's and all per-symbol ones) off the caller's thread. */
    public void requestReload(String trigger) {
        load(() -> reloadAll(trigger));
    }

    /**
     * Asks for a check of {@code model}'s registry only (a model_registry event names it): the default, or one
     * symbol's model; a name of neither is not this detector's. Null (unknown) checks every registry.
     */
    public void requestReload(String trigger, String model) {
        if (model == null) {
            requestReload(trigger);
        } else if (model.equals(config.modelName())) {
            load(() -> reloadDefault(trigger));
        } else {
            SymbolModels.symbolOf(config.modelName(), model)
                    .ifPresent(symbol -> load(() -> reloadSymbol(symbol, model, trigger)));
        }
    }

    /** Queues a load; after shutdown (the loader stopped, a scheduled poll still firing) there is nothing to load for. */
    private void load(Runnable task) {
        try {
            loader.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("model check not queued: the detector is stopping");
        }
    }

    /** Retries with doubling backoff until a default model serves: S3 down or no model yet is not a crash. */
    private void startupAttempt() {
        reloadAll("startup");
        if (current() != null) return;
        LOG.warnf("no model serving yet (%s); retrying in %s", lastProblem, retry);
        loader.schedule(this::startupAttempt, retry.toMillis(), TimeUnit.MILLISECONDS);
        retry = min(retry.multipliedBy(2), config.modelRetryMax());
    }

    private void reloadAll(String trigger) {
        reloadDefault(trigger);
        if (firstModel.isDone()) reloadSymbols(trigger);
    }

    private void reloadDefault(String trigger) {
        String name = config.modelName();
        RegistryEntry entry = promoted(name, p -> lastProblem = p);
        ActiveModel current = current();
        if (entry == null || isServing(current, entry) || rejected.contains(key(name, entry))) return;
        ActiveModel m = load(name, entry, current == null ? null : current.scoring().spec(), trigger, p -> lastProblem = p);
        if (m == null) return;
        serving.updateAndGet(s -> s.withFallback(m));
        lastProblem = "none";
        if (!firstModel.isDone()) {
            reloadSymbols(trigger); // before the stream starts, so a symbol's first bars are scored by its own model
            firstModel.complete(m);
        }
    }

    /** Every per-symbol registry under the default's name; symbols whose registry is gone fall back to the default. */
    private void reloadSymbols(String trigger) {
        Set<String> found = new HashSet<>();
        try {
            for (String name : registryStore.modelsNamed(SymbolModels.prefix(config.modelName()))) {
                SymbolModels.symbolOf(config.modelName(), name).ifPresent(symbol -> {
                    found.add(symbol);
                    reloadSymbol(symbol, name, trigger);
                });
            }
        } catch (RuntimeException e) {
            LOG.warnf("per-symbol models not listed (retried on the next trigger): %s", e);
            return;
        }
        for (String symbol : serving.get().bySymbol().keySet()) {
            if (found.contains(symbol)) continue;
            serving.updateAndGet(s -> s.withSymbol(symbol, null));
            LOG.warnf("%s's model registry is gone: the default model scores it", symbol);
        }
    }

    private void reloadSymbol(String symbol, String name, String trigger) {
        ActiveModel fallback = current();
        if (fallback == null) return; // its spec must equal the default's: wait for the default
        RegistryEntry entry = promoted(name, p -> symbolProblems.put(symbol, p));
        ActiveModel current = serving.get().bySymbol().get(symbol);
        if (entry == null || isServing(current, entry) || rejected.contains(key(name, entry))) return;
        ActiveModel m = load(name, entry, fallback.scoring().spec(), trigger, p -> symbolProblems.put(symbol, p));
        if (m == null) return;
        serving.updateAndGet(s -> s.withSymbol(symbol, m));
        symbolProblems.remove(symbol);
    }

    /** The promoted entry of {@code model}'s registry, or null after telling {@code problem} why there is none. */
    private RegistryEntry promoted(String model, Consumer<String> problem) {
        try {
            Optional<RegistryDocument> registry = registryStore.read(model);
            if (registry.isEmpty()) {
                problem.accept("no registry at " + ModelRegistryStore.registryKey(model));
                return null;
            }
            Optional<RegistryEntry> promoted = registry.get().promoted();
            if (promoted.isEmpty()) problem.accept("registry of " + model + " has no promoted version");
            return promoted.orElse(null);
        } catch (Exception e) {
            problem.accept("registry unreadable: " + e);
            return null;
        }
    }

    /** Loads and verifies one version; null (with the problem told) when it is refused or unreadable. */
    private ActiveModel load(String name, RegistryEntry entry, FeatureSpec runningSpec, String trigger, Consumer<String> problem) {
        long started = System.nanoTime();
        ScoringModel m;
        try {
            RegisteredModel registered = registryStore.load(name, entry);
            m = ModelVerifier.verify(registered, runningSpec);
        } catch (ModelArtifactException e) {
            reject(name, entry, e, problem); // missing, tampered, not the registry's, wrong spec, unscorable
            return null;
        } catch (RuntimeException e) {
            problem.accept("artifact " + entry.artifactKey() + " unreadable: " + e); // transient: retried on the next trigger
            return null;
        }
        loadTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Counter.builder("detector.model.reloads").description("Models loaded and swapped in, by trigger")
                .tag("trigger", trigger).register(meters).increment();
        LOG.infof("serving %s v%d (%s, trigger %s)", m.name(), m.version(), m.spec(), trigger);
        return new ActiveModel(m, entry.sha256(), Instant.now());
    }

    private void reject(String name, RegistryEntry entry, Exception e, Consumer<String> problem) {
        rejected.add(key(name, entry));
        // The reason first: whoever sees the counter move must find the reason already there.
        String reason = "rejected " + name + " v" + entry.version() + ": " + e.getMessage();
        problem.accept(reason);
        rejectedCounter.increment();
        LOG.error(reason + "; what served before keeps serving");
    }

    private static boolean isServing(ActiveModel current, RegistryEntry entry) {
        return current != null && current.version() == entry.version() && current.sha256().equals(entry.sha256());
    }

    private static String key(String name, RegistryEntry entry) {
        return name + "/" + entry.version() + "/" + entry.sha256();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
