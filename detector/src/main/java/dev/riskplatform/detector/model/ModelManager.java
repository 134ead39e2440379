package dev.riskplatform.detector.model;

import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryDocument;
import dev.riskplatform.core.artifact.RegistryEntry;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Owns the serving model. Every load (startup, registry event, poll) runs on one thread, so loads
 * never race; the result is published with one atomic set, so the stream sees either the old or
 * the new model for a whole bar, never a mix. A model that fails verification is counted, logged
 * and remembered by (version, sha256) so a poll does not re-count it; the old model keeps serving.
 */
@ApplicationScoped
public class ModelManager {

    private static final Logger LOG = Logger.getLogger(ModelManager.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final ModelRegistryStore registryStore;
    private final DetectorConfig config;
    private final AtomicReference<ActiveModel> active = new AtomicReference<>();
    private final CompletableFuture<ActiveModel> firstModel = new CompletableFuture<>();
    private final Set<String> rejected = new HashSet<>();
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
        Gauge.builder("detector.model.version", active, a -> a.get() == null ? -1 : a.get().version())
                .description("Version of the model serving now (-1 before the first one)").register(meters);
        Gauge.builder("detector.model.age.seconds", active,
                a -> a.get() == null ? -1 : Duration.between(a.get().loadedAt(), Instant.now()).toSeconds())
                .description("Seconds since the serving model was loaded (-1 before the first one)").register(meters);
    }

    void onStart(@Observes StartupEvent ev) {
        loader.execute(this::startupAttempt);
    }

    void onStop(@Observes ShutdownEvent ev) {
        loader.shutdownNow();
    }

    /** The model serving now, or empty before the first valid one. */
    public Optional<ActiveModel> active() {
        return Optional.ofNullable(active.get());
    }

    /** The model serving now, or null before the first one: the per-trade read, without an Optional. */
    public ActiveModel current() {
        return active.get();
    }

    /** Completes with the first valid model; the stream waits on it before consuming. */
    public CompletableFuture<ActiveModel> firstModel() {
        return firstModel;
    }

    public String lastProblem() {
        return lastProblem;
    }

    public double rejectedCount() {
        return rejectedCounter.count();
    }

    /** Asks for a registry check off the caller's thread; {@code trigger} tags the reload metric. */
    public void requestReload(String trigger) {
        loader.execute(() -> reload(trigger));
    }

    /** Retries with doubling backoff until a first model is serving: S3 down or no model yet is not a crash. */
    private void startupAttempt() {
        reload("startup");
        if (active.get() != null) return;
        LOG.warnf("no model serving yet (%s); retrying in %s", lastProblem, retry);
        loader.schedule(this::startupAttempt, retry.toMillis(), TimeUnit.MILLISECONDS);
        retry = min(retry.multipliedBy(2), config.modelRetryMax());
    }

    private void reload(String trigger) {
        RegistryEntry entry;
        try {
            Optional<RegistryDocument> registry = registryStore.read(config.modelName());
            if (registry.isEmpty()) {
                lastProblem = "no registry at " + ModelRegistryStore.registryKey(config.modelName());
                return;
            }
            Optional<RegistryEntry> promoted = registry.get().promoted();
            if (promoted.isEmpty()) {
                lastProblem = "registry of " + config.modelName() + " has no promoted version";
                return;
            }
            entry = promoted.get();
        } catch (Exception e) {
            lastProblem = "registry unreadable: " + e;
            return;
        }
        ActiveModel current = active.get();
        if (current != null && current.version() == entry.version() && current.sha256().equals(entry.sha256())) return;
        if (rejected.contains(entry.version() + "/" + entry.sha256())) return;
        load(entry, current, trigger);
    }

    private void load(RegistryEntry entry, ActiveModel current, String trigger) {
        long started = System.nanoTime();
        ScoringModel m;
        try {
            RegisteredModel registered = registryStore.load(config.modelName(), entry);
            m = ModelVerifier.verify(registered, current == null ? null : current.scoring().spec());
        } catch (ModelArtifactException e) {
            reject(entry, e); // missing, tampered, not the registry's, wrong spec, unscorable
            return;
        } catch (RuntimeException e) {
            lastProblem = "artifact " + entry.artifactKey() + " unreadable: " + e; // transient: retried on the next trigger
            return;
        }
        active.set(new ActiveModel(m, entry.sha256(), Instant.now()));
        loadTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        firstModel.complete(active.get());
        lastProblem = "none";
        Counter.builder("detector.model.reloads").description("Models loaded and swapped in, by trigger")
                .tag("trigger", trigger).register(meters).increment();
        LOG.infof("serving %s v%d (%s, trigger %s)", m.name(), m.version(), m.spec(), trigger);
    }

    private void reject(RegistryEntry entry, Exception e) {
        rejected.add(entry.version() + "/" + entry.sha256());
        // The reason first: whoever sees the counter move must find the reason already there.
        lastProblem = "rejected " + config.modelName() + " v" + entry.version() + ": " + e.getMessage();
        rejectedCounter.increment();
        LOG.error(lastProblem + (active.get() != null ? "; still serving v" + active.get().version() : ""));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
