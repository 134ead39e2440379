import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the fault drills (ops/drills.sh) read off the topics, with nothing but the broker's own client jars:
 *   java -cp '<kafka libs>/*' ops/drills/TopicAudit.java BOOTSTRAP COMMAND ARGS
 * Commands (each prints one line of key=value pairs):
 *   count TOPIC                      records in the topic (sum of end - beginning offsets)
 *   trades SYMBOL LAST_ID            market_prices: replayed ids 1..LAST_ID present / missing / duplicated
 *   alerts                           risk_alerts: records, distinct alert ids, duplicates
 *   bars SYMBOL STEP_MS              risk_events: distinct bars, bars missing between the first and the last,
 *                                    unscored bars after the first scored one (a warm-up blind spot)
 *   market PREFIX STEP_MS            risk_events, every symbol starting with PREFIX: the bars check above per symbol,
 *                                    summed, plus duplicates (records of a bar already seen) and the worst symbol
 *   dlq TOPIC                        dead letters: how many, how many carry a reason
 *   garbage TOPIC KEY COUNT SEED     produces COUNT garbled records the detector must refuse
 *   send TOPIC KEY VALUE             produces one record (e.g. a model_registry event)
 *   latency SECONDS PREFIX [FROM]    reads risk_events and risk_alerts live for SECONDS: for symbols starting with
 *                                    PREFIX, arrival here minus lastTradePublishTime (alerts: of their bar), p50/p99/p999;
 *                                    bars closed by a trade published before FROM (epoch ms: a warm-up) are not counted
 *   lag GROUP TOPIC                  the group's lag: end offsets minus committed offsets, summed
 * A topic is read up to the end offsets taken when the command starts.
 */
public class TopicAudit {

    private static final Pattern TRADE_ID = Pattern.compile("\"tradeId\":(\\d+)");
    private static final Pattern ALERT_ID = Pattern.compile("\"alertId\":\"([^\"]+)\"");
    private static final Pattern EMITTED = Pattern.compile("\"emittedAt\":(\\d+)");
    private static final Pattern OPEN_TIME = Pattern.compile("\"openTime\":(\\d+)");
    private static final Pattern SCORE = Pattern.compile("\"score\":(null|[-0-9.eE]+)");
    private static final Pattern SYMBOL = Pattern.compile("\"symbol\":\"([^\"]+)\"");
    private static final Pattern REASON = Pattern.compile("\"reason\":\"[^\"]+");

    private static String bootstrap;

    public static void main(String[] a) {
        bootstrap = a[0];
        switch (a[1]) {
            case "count" -> System.out.println("records=" + count(a[2]));
            case "trades" -> trades(a[2], Long.parseLong(a[3]));
            case "alerts" -> alerts();
            case "bars" -> bars(a[2], Long.parseLong(a[3]));
            case "market" -> market(a[2], Long.parseLong(a[3]));
            case "dlq" -> dlq(a[2]);
            case "garbage" -> garbage(a[2], a[3], Integer.parseInt(a[4]), Long.parseLong(a[5]));
            case "send" -> send(a[2], a[3], a[4]);
            case "latency" -> latency(Integer.parseInt(a[2]), a[3], a.length > 4 ? Long.parseLong(a[4]) : 0);
            case "lag" -> System.out.println("lag=" + lag(a[2], a[3]));
            default -> throw new IllegalArgumentException("unknown command " + a[1]);
        }
    }

    /** Zero lost: every id 1..lastId of the replayed tape is in market_prices (duplicates are allowed: at-least-once). */
    static void trades(String symbol, long lastId) {
        Set<Long> ids = new HashSet<>();
        long[] records = {0};
        scan("market_prices", r -> {
            if (!symbol.equals(r.key())) return;
            Long id = longOf(TRADE_ID, r.value());
            if (id == null || id > lastId) return;
            records[0]++;
            ids.add(id);
        });
        System.out.printf("records=%d distinct=%d missing=%d duplicates=%d%n", records[0], ids.size(), lastId - ids.size(),
                records[0] - ids.size());
    }

    static void alerts() {
        Set<String> ids = new HashSet<>();
        List<String> dups = new ArrayList<>();
        scan("risk_alerts", r -> {
            Matcher m = ALERT_ID.matcher(r.value());
            if (m.find() && !ids.add(m.group(1))) dups.add(m.group(1));
        });
        System.out.printf("records=%d distinct=%d duplicates=%d%s%n", ids.size() + dups.size(), ids.size(), dups.size(),
                dups.isEmpty() ? "" : " first_duplicate=" + dups.get(0));
    }

    /** Lost bars are holes in the open times; a blind spot is an unscored bar after scoring began. */
    static void bars(String symbol, long stepMs) {
        TreeSet<Long> open = new TreeSet<>();
        Map<Long, Boolean> scored = new HashMap<>();
        long[] records = {0};
        scan("risk_events", r -> {
            Matcher s = SYMBOL.matcher(r.value());
            Long t = longOf(OPEN_TIME, r.value());
            if (t == null || !s.find() || !symbol.equals(s.group(1))) return;
            records[0]++;
            open.add(t);
            Matcher sc = SCORE.matcher(r.value());
            boolean hasScore = sc.find() && !"null".equals(sc.group(1));
            scored.merge(t, hasScore, Boolean::logicalOr);
        });
        long[] gaps = gaps(open, scored, stepMs);
        System.out.printf("records=%d bars=%d missing=%d unscored_after_warmup=%d first=%s last=%s%n", records[0], open.size(),
                gaps[0], gaps[1], open.isEmpty() ? "-" : open.first(), open.isEmpty() ? "-" : open.last());
    }

    /** {missing, unscored after warm-up} of one symbol's bars: open times, and whether each was scored. */
    private static long[] gaps(TreeSet<Long> open, Map<Long, Boolean> scored, long stepMs) {
        long missing = open.isEmpty() ? 0 : (open.last() - open.first()) / stepMs + 1 - open.size();
        Long firstScored = open.stream().filter(scored::get).findFirst().orElse(null);
        long blind = firstScored == null ? 0 : open.tailSet(firstScored).stream().filter(t -> !scored.get(t)).count();
        return new long[] {missing, blind};
    }

    static void market(String prefix, long stepMs) {
        Map<String, Map<Long, Boolean>> scoredBySymbol = new HashMap<>();
        long[] records = {0};
        scan("risk_events", r -> {
            Matcher s = SYMBOL.matcher(r.value());
            Long t = longOf(OPEN_TIME, r.value());
            if (t == null || !s.find() || !s.group(1).startsWith(prefix)) return;
            records[0]++;
            Matcher sc = SCORE.matcher(r.value());
            boolean hasScore = sc.find() && !"null".equals(sc.group(1));
            scoredBySymbol.computeIfAbsent(s.group(1), k -> new HashMap<>()).merge(t, hasScore, Boolean::logicalOr);
        });
        long bars = 0, missing = 0, blind = 0, worst = 0;
        String worstSymbol = "-";
        for (Map.Entry<String, Map<Long, Boolean>> e : scoredBySymbol.entrySet()) {
            TreeSet<Long> open = new TreeSet<>(e.getValue().keySet());
            long[] gaps = gaps(open, e.getValue(), stepMs);
            bars += open.size();
            missing += gaps[0];
            blind += gaps[1];
            if (gaps[0] + gaps[1] > worst) {
                worst = gaps[0] + gaps[1];
                worstSymbol = e.getKey();
            }
        }
        System.out.printf("symbols=%d records=%d bars=%d duplicates=%d missing=%d unscored_after_warmup=%d worst=%s%n",
                scoredBySymbol.size(), records[0], bars, records[0] - bars, missing, blind, worstSymbol);
    }

    static void dlq(String topic) {
        long[] seen = {0}, withReason = {0};
        scan(topic, r -> {
            seen[0]++;
            if (REASON.matcher(r.value()).find()) withReason[0]++;
        });
        System.out.printf("records=%d with_reason=%d%n", seen[0], withReason[0]);
    }

    /** Records a trade consumer must refuse, each for a different reason; never a mutation that is still a valid trade. */
    static void garbage(String topic, String key, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (KafkaProducer<String, String> p = producer()) {
            for (int i = 0; i < count; i++) {
                String valid = "{\"symbol\":\"" + key + "\",\"tradeId\":" + (800_000_000L + i) + ",\"price\":\"42000.01\","
                        + "\"quantity\":\"0.005\",\"tradeTime\":1385337600000,\"buyerIsMaker\":true,\"source\":\"drill\"}";
                String value = switch (random.nextInt(5)) {
                    case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 2));
                    case 1 -> valid.replace("\"42000.01\"", "\"-" + random.nextInt(1000) + "\"");
                    case 2 -> valid.replace("\"tradeId\":" + (800_000_000L + i) + ",", "");
                    case 3 -> valid.replace("\"symbol\":\"" + key + "\"", "\"symbol\":\"NOT" + key + "\"");
                    default -> "\u0000garbage-" + random.nextLong();
                };
                p.send(new ProducerRecord<>(topic, key, value));
            }
            p.flush();
        }
        System.out.printf("sent=%d topic=%s key=%s seed=%d%n", count, topic, key, seed);
    }

    static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> p = producer()) {
            p.send(new ProducerRecord<>(topic, key, value));
            p.flush();
        }
        System.out.println("sent=1");
    }

    /** Close latency as a consumer of risk_events sees it: from the publish time of the trade that closed the bar. */
    static void latency(int seconds, String prefix, long from) {
        List<Long> events = new ArrayList<>(), alerts = new ArrayList<>();
        // The detector sends an alert before its bar's risk event, on another topic: either may arrive first here.
        Map<String, Long> closingPublish = new HashMap<>(), alertArrival = new HashMap<>();
        Pattern published = Pattern.compile("\"lastTradePublishTime\":(\\d+)");
        StringBuilder samples = new StringBuilder();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = new ArrayList<>(partitions(c, "risk_events"));
            parts.addAll(partitions(c, "risk_alerts"));
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position);
            long end = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    long arrival = System.currentTimeMillis();
                    if (r.key() == null || !r.key().startsWith(prefix)) continue;
                    Matcher alert = ALERT_ID.matcher(r.value());
                    if (r.topic().equals("risk_events")) {
                        Long pub = longOf(published, r.value());
                        if (pub == null) continue;
                        // Closed by the idle timer (a symbol gone quiet): the clock starts when the timer fired.
                        if (r.value().contains("\"closedBy\":\"idle\"")) pub = longOf(EMITTED, r.value());
                        if (pub < from) continue; // warm-up: its alert, if any, is not counted either
                        events.add(arrival - pub);
                        samples.append(arrival).append(' ').append(arrival - pub).append(' ').append(r.key()).append('\n');
                        if (!alert.find()) continue;
                        String bar = alertOfBar(alert.group(1), r.value());
                        Long alerted = alertArrival.remove(bar);
                        if (alerted != null) alerts.add(alerted - pub);
                        else closingPublish.putIfAbsent(bar, pub);
                    } else if (alert.find()) {
                        String bar = alertOfBar(alert.group(1), r.value());
                        Long pub = closingPublish.remove(bar);
                        if (pub != null) alerts.add(arrival - pub);
                        else alertArrival.put(bar, arrival);
                    }
                }
            }
        }
        writeSamples(samples);
        System.out.println("events=" + events.size() + " " + percentiles("event", events) + " alerts=" + alerts.size() + " "
                + percentiles("alert", alerts));
    }

    /**
     * An alert and the risk event of its own bar share this key. A later bar merged into the episode carries the same
     * alertId in its event, so the id alone would pair an alert with a later bar (a negative latency when the alert's
     * own bar fell in the warm-up).
     */
    private static String alertOfBar(String alertId, String json) {
        return alertId + "@" + longOf(OPEN_TIME, json);
    }

    /** With -Daudit.samples=FILE, every close-latency sample as "arrival-ms latency-ms symbol": to see when the slow ones happen. */
    private static void writeSamples(CharSequence samples) {
        String file = System.getProperty("audit.samples");
        if (file == null) return;
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), samples);
        } catch (java.io.IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
    }

    private static String percentiles(String name, List<Long> values) {
        if (values.isEmpty()) return name + "_p50=- " + name + "_p99=- " + name + "_p999=-";
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return name + "_p50=" + v[(int) (0.5 * (v.length - 1))] + " " + name + "_p99=" + v[(int) (0.99 * (v.length - 1))] + " "
                + name + "_p999=" + v[(int) (0.999 * (v.length - 1))];
    }

    static long lag(String group, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p); KafkaConsumer<String, String> c = consumer()) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> parts = partitions(c, topic);
            Map<TopicPartition, Long> end = c.endOffsets(parts), begin = c.beginningOffsets(parts);
            return parts.stream().mapToLong(tp -> {
                var o = committed.get(tp);
                return end.get(tp) - (o == null ? begin.get(tp) : o.offset());
            }).sum();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the lag of group " + group, e);
        }
    }

    static long count(String topic) {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = partitions(c, topic);
            Map<TopicPartition, Long> end = c.endOffsets(parts), begin = c.beginningOffsets(parts);
            return parts.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }
    }

    private static void scan(String topic, Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("could not read " + topic + " to its end in 5 min");
                c.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) each.accept(r);
                });
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> c, String topic) {
        return c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Long longOf(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", "5000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
