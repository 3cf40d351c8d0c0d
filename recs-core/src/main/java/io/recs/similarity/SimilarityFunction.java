package io.recs.similarity;

import io.recs.config.EmitInterval;
import io.recs.event.SimilarItems;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.util.Collector;

/**
 * Keyed by item: keeps the item's co-occurrence row and its top-K neighbours, and emits {@link
 * SimilarItems} when the ordered neighbour list changes.
 *
 * <p>Item counts and the user total arrive on a broadcast input and are held by every subtask (one
 * long per item; with {@code weighted}, also one double per item, its squared weighted norm, which
 * the measures then use in place of the count). A row update rescores only the changed columns,
 * with the counts as they are then; other entries keep the score they had when last computed. So
 * between recomputations the list can be stale; it is recomputed from the whole row after {@link
 * SimilarityConfig#recomputeEvery()} column updates. It is also recomputed from the whole row on
 * every emission timer (with {@code emitInterval}) and when the input ends (an event-time timer at
 * the end of time), so a drained bounded input leaves exact lists computed from final counts. With
 * {@link io.recs.config.EmitInterval#END_OF_INPUT} an update only adds to the row: the list is
 * scored once, at the end.
 *
 * <p>The row has two layouts in keyed state, chosen by the state backend ({@link
 * #rowAsMap(ReadableConfig)}). On the HashMap backend, where state values are heap objects, it is
 * one {@link CooccurrenceRow} value ({@code row}): one state access per update and one hash probe
 * per column. On a serializing backend (RocksDB) a value would be read and written whole on every
 * update, so there the row is a map state with one entry per co-occurring item ({@code
 * row-entries}) and its lists are kept as {@code neighbours} and {@code neighbours-emitted} (with
 * {@link NeighboursSerializer}) instead of {@code current} and {@code emitted}: an update reads the
 * entries of its columns and writes them back in one batch, work proportional to the columns it
 * touches. Each key moves its state from the other layout when the layout finds none of its own (a
 * savepoint restored on another backend).
 *
 * <p>Run by {@link SimilarityOperator}, the map layout also keeps a heap cache of recently updated
 * rows and lists ({@link SimilarityConfig#rowCacheEntries()}, {@link RowCache}), written to keyed
 * state before every checkpoint barrier and when rows leave it, so that state holds at every
 * checkpoint what it would hold without the cache. Under Flink's plain keyed broadcast operator
 * there is no cache.
 *
 * <p>With lists at the end of the input only ({@link io.recs.config.EmitInterval#END_OF_INPUT}),
 * the map layout does not read the row during the input: it appends each update's additions (with
 * the cache: each cached row's additions when they are written) to a list state ({@code
 * row-deltas}, {@link RowDeltas}), which a serializing backend appends without reading, and marks
 * the list's row size {@link Neighbours#ROW_SIZE_PENDING}. The row is its entries plus those
 * additions; the end-of-input timer sums them to compute the list. A key with additions pending met
 * by a function that scores updates (a savepoint restored with other settings) sums them into its
 * entries first.
 */
@Internal
public final class SimilarityFunction
    extends KeyedBroadcastProcessFunction<String, RowUpdate, CountUpdate, SimilarItems> {
  private static final long serialVersionUID = 1L;

  /** The broadcast item counts: item id (or {@link CountUpdate#TOTAL_USERS}) to count. */
  public static final MapStateDescriptor<String, Long> COUNTS =
      new MapStateDescriptor<>("recs-counts", Types.STRING, Types.LONG);

  /**
   * With {@code weighted} only, the broadcast squared weighted norms: item id to ‖i‖². A state of
   * its own, declared only when weighted, so that unweighted state stays as it was.
   */
  public static final MapStateDescriptor<String, Double> NORMS =
      new MapStateDescriptor<>("recs-norms", Types.STRING, Types.DOUBLE);

  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final SimilarityConfig config;
  private final boolean rowAsMap;

  /** The row as one value (HashMap layout), or null when empty or held in the other layout. */
  private transient ValueState<CooccurrenceRow> row;

  /** The list of the value layout. */
  private transient ValueState<Neighbours> current;

  /** The row as one entry per co-occurring item (map layout). */
  private transient MapState<String, Double> rowEntries;

  /** The additions to the row not summed into {@link #rowEntries} yet (map layout). */
  private transient ListState<RowDeltas> rowDeltas;

  /** The list of the map layout. */
  private transient ValueState<Neighbours> mapCurrent;

  /** The last emitted list of the value layout. */
  private transient ValueState<Neighbours> emitted;

  /** The last emitted list of the map layout. */
  private transient ValueState<Neighbours> mapEmitted;

  private transient ValueState<Long> pendingTimer;

  /** The map layout's heap cache, when {@link #useRowCache} was called; otherwise null. */
  private transient RowCache cache;

  /** The operator's key context, for writing cache entries under their own keys. */
  private transient KeyContext keys;

  private transient long intervalMs;

  /** Whether lists are emitted only by the end-of-input timer. */
  private transient boolean atEndOnly;

  /** Whether updates are appended to {@link #rowDeltas} rather than summed into the row. */
  private transient boolean appendDeltas;

  /** A function with the given configuration and the row as one value (the HashMap layout). */
  public SimilarityFunction(SimilarityConfig config) {
    this(config, false);
  }

  /**
   * A function with the given configuration.
   *
   * @param rowAsMap whether the row is kept as one map-state entry per co-occurring item (for
   *     serializing state backends) rather than as one value; see {@link #rowAsMap(ReadableConfig)}
   */
  public SimilarityFunction(SimilarityConfig config, boolean rowAsMap) {
    this.config = config;
    this.rowAsMap = rowAsMap;
  }

  /**
   * Whether the row layout of the state backend that {@code configuration} selects is the map
   * layout: for every backend but {@code hashmap}, whose state values are heap objects that are not
   * serialized on access.
   */
  public static boolean rowAsMap(ReadableConfig configuration) {
    return !"hashmap".equalsIgnoreCase(configuration.get(StateBackendOptions.STATE_BACKEND));
  }

  @Override
  public void open(OpenContext openContext) {
    row =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("row", TypeInformation.of(CooccurrenceRow.class)));
    TypeInformation<Neighbours> type = TypeInformation.of(Neighbours.class);
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("current", type));
    rowEntries =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("row-entries", Types.STRING, Types.DOUBLE));
    rowDeltas =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("row-deltas", RowDeltasSerializer.INSTANCE));
    mapCurrent =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("neighbours", NeighboursSerializer.INSTANCE));
    mapEmitted =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("neighbours-emitted", NeighboursSerializer.INSTANCE));
    emitted = getRuntimeContext().getState(new ValueStateDescriptor<>("emitted", type));
    pendingTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
    intervalMs = config.emitInterval().toMillis();
    atEndOnly = EmitInterval.endOfInput(config.emitInterval());
    appendDeltas = rowAsMap && atEndOnly;
  }

  @Override
  public void processBroadcastElement(CountUpdate update, Context ctx, Collector<SimilarItems> out)
      throws Exception {
    BroadcastState<String, Long> counts = ctx.getBroadcastState(COUNTS);
    Long known = counts.get(update.item());
    if (known == null || known < update.count()) {
      counts.put(update.item(), update.count());
    }
    if (config.weighted() && !CountUpdate.TOTAL_USERS.equals(update.item())) {
      BroadcastState<String, Double> norms = ctx.getBroadcastState(NORMS);
      Double knownNorm = norms.get(update.item());
      if (knownNorm == null || knownNorm < update.norm()) {
        norms.put(update.item(), update.norm());
      }
    }
  }

  /**
   * Keeps rows and lists in a heap cache of at most {@link SimilarityConfig#rowCacheEntries()} row
   * entries, written to keyed state when they leave it and by {@link #flushRowCache()}; for the map
   * layout only (the value layout's state is on the heap already), and only when called, after
   * {@code open}, by {@link SimilarityOperator}, which calls {@link #flushRowCache()} before every
   * checkpoint barrier and lends its key context for writing entries under their own keys.
   */
  void useRowCache(KeyContext keys) {
    if (rowAsMap && config.rowCacheEntries() > 0) {
      this.keys = keys;
      this.cache = new RowCache(config.rowCacheEntries());
    }
  }

  /** Writes every cached change to keyed state, each under its own key. */
  void flushRowCache() throws Exception {
    if (cache == null) {
      return;
    }
    List<RowCache.Entry> changed = cache.changed();
    if (changed.isEmpty()) {
      return;
    }
    Object key = keys.getCurrentKey();
    writeBack(changed);
    if (appendDeltas) {
      for (RowCache.Entry entry : changed) {
        cache.clearRow(entry); // written: the next write appends only what is added after it
      }
    }
    if (key != null) {
      keys.setCurrentKey(key);
    }
  }

  @Override
  public void processElement(RowUpdate update, ReadOnlyContext ctx, Collector<SimilarItems> out)
      throws Exception {
    if (cache == null) {
      apply(null, update, ctx, out);
      return;
    }
    apply(cachedEntry(ctx.getCurrentKey(), ctx.timerService()), update, ctx, out);
    evictFromCache(ctx.getCurrentKey());
  }

  /** Adds the update to the row (cached, or in keyed state when null) and rescores its columns. */
  private void apply(
      RowCache.Entry cached, RowUpdate update, ReadOnlyContext ctx, Collector<SimilarItems> out)
      throws Exception {
    Neighbours list = cached != null ? cached.list : loadList();
    if (list == null) {
      list = new Neighbours();
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
    }
    list.time = Math.max(list.time, update.time());
    String[] cols = update.cols();
    if (appendDeltas) {
      appendToRow(cached, list, update);
      storeList(cached, list);
      return;
    }
    double[] cooccurrences = addToRow(cached, list, cols, update.deltas());
    if (atEndOnly) {
      // The end-of-input timer computes the list from the whole row: nothing to score before.
      storeList(cached, list);
      return;
    }
    ReadOnlyBroadcastState<String, Long> counts = ctx.getBroadcastState(COUNTS);
    ReadOnlyBroadcastState<String, Double> norms =
        config.weighted() ? ctx.getBroadcastState(NORMS) : null;
    double rowCount =
        norms != null
            ? norm(norms, update.row())
            : Math.max(update.rowCount(), count(counts, update.row()));
    double users = count(counts, CountUpdate.TOTAL_USERS);
    long[] colCounts = update.colCounts();
    boolean changed = false;
    for (int k = 0; k < cols.length; k++) {
      double colCount =
          norms != null ? norm(norms, cols[k]) : Math.max(colCounts[k], count(counts, cols[k]));
      double score = score(cooccurrences[k], rowCount, colCount, users);
      changed |= list.offer(cols[k], score, config.neighbours());
    }
    list.updatesSinceRecompute += cols.length;
    if (config.measure() != SimilarityMeasure.COOCCURRENCE
        && list.updatesSinceRecompute >= config.recomputeThreshold(list.rowSize)) {
      // Scores of entries that did not change were computed with the counts of their time;
      // recomputing the row bounds that drift (by default once per rowSize updates: O(K)
      // amortised work; SimilarityConfig#recomputeEvery).
      Neighbours fresh = recompute(cached, rowCount, counts, norms);
      fresh.time = list.time;
      fresh.rowSize = list.rowSize;
      changed |= !fresh.sameItems(list);
      list = fresh;
    }
    storeList(cached, list);
    if (!changed) {
      return;
    }
    if (intervalMs == 0) {
      emitIfChanged(cached, update.row(), list, false, out);
    } else if (pendingTimer.value() == null) {
      long at = (Math.floorDiv(update.time(), intervalMs) + 1) * intervalMs;
      ctx.timerService().registerEventTimeTimer(at);
      pendingTimer.update(at);
    }
  }

  /**
   * Adds the update's deltas to the cached row's additions, or appends them to {@link #rowDeltas}:
   * no state read.
   */
  private void appendToRow(RowCache.Entry cached, Neighbours list, RowUpdate update)
      throws Exception {
    list.rowSize = Neighbours.ROW_SIZE_PENDING;
    if (cached == null) {
      rowDeltas.add(new RowDeltas(update.cols(), update.deltas()));
      return;
    }
    String[] cols = update.cols();
    double[] deltas = update.deltas();
    int before = cached.row.size;
    for (int k = 0; k < cols.length; k++) {
      cached.add(cols[k], deltas[k]);
    }
    cache.grew(cached.row.size - before);
  }

  /**
   * Adds the deltas to the row's columns, in the cached row or in the layout's keyed state, and
   * keeps {@code list.rowSize}; the new co-occurrence count of each column.
   */
  private double[] addToRow(RowCache.Entry cached, Neighbours list, String[] cols, double[] deltas)
      throws Exception {
    double[] cooccurrences = new double[cols.length];
    if (cached != null) {
      int before = cached.row.size;
      for (int k = 0; k < cols.length; k++) {
        if (cached.complete || cached.row.contains(cols[k])) {
          cooccurrences[k] = cached.add(cols[k], deltas[k]);
        } else {
          Double stored = rowEntries.get(cols[k]);
          if (stored == null) {
            list.rowSize++;
          }
          cooccurrences[k] = cached.add(cols[k], stored == null ? deltas[k] : stored + deltas[k]);
        }
      }
      cache.grew(cached.row.size - before);
      if (cached.complete) {
        list.rowSize = cached.row.size;
      }
    } else if (rowAsMap) {
      Map<String, Double> written = new HashMap<>(2 * cols.length);
      for (int k = 0; k < cols.length; k++) {
        Double before = written.get(cols[k]); // a column twice in one unmerged update
        if (before == null) {
          before = rowEntries.get(cols[k]);
        }
        if (before == null) {
          list.rowSize++;
        }
        cooccurrences[k] = before == null ? deltas[k] : before + deltas[k];
        written.put(cols[k], cooccurrences[k]);
      }
      rowEntries.putAll(written); // one write batch on RocksDB
    } else {
      CooccurrenceRow entries = row.value();
      if (entries == null) {
        entries = new CooccurrenceRow();
      }
      for (int k = 0; k < cols.length; k++) {
        cooccurrences[k] = entries.add(cols[k], deltas[k]);
      }
      row.update(entries);
      list.rowSize = entries.size;
    }
    return cooccurrences;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SimilarItems> out)
      throws Exception {
    RowCache.Entry cached = cache == null ? null : cachedEntry(ctx.getCurrentKey(), null);
    Neighbours previous = cached != null ? cached.list : loadList();
    ReadOnlyBroadcastState<String, Long> counts = ctx.getBroadcastState(COUNTS);
    ReadOnlyBroadcastState<String, Double> norms =
        config.weighted() ? ctx.getBroadcastState(NORMS) : null;
    Neighbours list =
        recompute(
            cached,
            norms != null ? norm(norms, ctx.getCurrentKey()) : count(counts, ctx.getCurrentKey()),
            counts,
            norms);
    list.time = previous == null ? timestamp : previous.time;
    list.rowSize = previous == null ? 0 : previous.rowSize;
    storeList(cached, list);
    boolean endOfInput = timestamp == END_OF_INPUT;
    if (!endOfInput) {
      pendingTimer.clear();
    }
    // At the end of input the scores are final too, so a list with changed scores is re-emitted.
    emitIfChanged(cached, ctx.getCurrentKey(), list, endOfInput, out);
    if (cached != null) {
      evictFromCache(ctx.getCurrentKey());
    }
  }

  /**
   * The list from the whole row with the counts (weighted: the norms) known now; resets the drift
   * counter.
   */
  private Neighbours recompute(
      RowCache.Entry cached,
      double rowCount,
      ReadOnlyBroadcastState<String, Long> counts,
      ReadOnlyBroadcastState<String, Double> norms)
      throws Exception {
    String[] items;
    double[] rowCounts;
    int size;
    if (appendDeltas) {
      CooccurrenceRow whole = wholeRowWithDeltas(cached);
      items = whole.items;
      rowCounts = whole.counts;
      size = whole.size;
    } else if (cached != null) {
      if (!cached.complete) {
        readWholeRow(cached);
      }
      items = cached.row.items;
      rowCounts = cached.row.counts;
      size = cached.row.size;
    } else if (rowAsMap) {
      int capacity = 16;
      items = new String[capacity];
      rowCounts = new double[capacity];
      size = 0;
      for (Map.Entry<String, Double> entry : rowEntries.entries()) {
        if (size == items.length) {
          items = Arrays.copyOf(items, 2 * size);
          rowCounts = Arrays.copyOf(rowCounts, 2 * size);
        }
        items[size] = entry.getKey();
        rowCounts[size++] = entry.getValue();
      }
    } else {
      CooccurrenceRow entries = row.value();
      if (entries == null) {
        entries = new CooccurrenceRow();
      }
      items = entries.items;
      rowCounts = entries.counts;
      size = entries.size;
    }
    double users = count(counts, CountUpdate.TOTAL_USERS);
    double[] scores = new double[size];
    for (int k = 0; k < size; k++) {
      String col = items[k];
      scores[k] =
          score(
              rowCounts[k], rowCount, norms != null ? norm(norms, col) : count(counts, col), users);
    }
    return Neighbours.top(items, scores, size, config.neighbours());
  }

  /**
   * The key's whole row in the map layout: its entries, the additions appended to {@link
   * #rowDeltas} and those of its cache entry not written yet, if any (which stay as they are).
   */
  private CooccurrenceRow wholeRowWithDeltas(RowCache.Entry cached) throws Exception {
    CooccurrenceRow whole = new CooccurrenceRow();
    for (Map.Entry<String, Double> entry : rowEntries.entries()) {
      whole.add(entry.getKey(), entry.getValue());
    }
    addDeltas(whole);
    if (cached != null) {
      for (int k = 0; k < cached.row.size; k++) {
        whole.add(cached.row.items[k], cached.row.counts[k]);
      }
    }
    return whole;
  }

  /** Adds the additions appended to {@link #rowDeltas} to {@code row}. */
  private void addDeltas(CooccurrenceRow row) throws Exception {
    Iterable<RowDeltas> pending = rowDeltas.get();
    if (pending == null) {
      return;
    }
    for (RowDeltas deltas : pending) {
      String[] cols = deltas.cols();
      double[] values = deltas.deltas();
      for (int k = 0; k < cols.length; k++) {
        row.add(cols[k], values[k]);
      }
    }
  }

  /**
   * Sums the additions pending in {@link #rowDeltas} into {@link #rowEntries} and gives {@code
   * list} the row's size, for a function that scores updates (map layout).
   */
  private void sumPendingDeltas(Neighbours list) throws Exception {
    CooccurrenceRow added = new CooccurrenceRow();
    addDeltas(added);
    Map<String, Double> sums = new HashMap<>(2 * added.size);
    for (int k = 0; k < added.size; k++) {
      Double stored = rowEntries.get(added.items[k]);
      sums.put(added.items[k], stored == null ? added.counts[k] : stored + added.counts[k]);
    }
    rowEntries.putAll(sums);
    rowDeltas.clear();
    int size = 0;
    for (String ignored : rowEntries.keys()) {
      size++;
    }
    list.rowSize = size;
    mapCurrent.update(list);
  }

  /**
   * The key's list in this function's layout, or null for a new key. A key that has state only in
   * the other layout (a savepoint of a job on another state backend) moves it into this one first.
   */
  private Neighbours loadList() throws Exception {
    Neighbours list = rowAsMap ? mapCurrent.value() : current.value();
    if (list != null) {
      if (list.rowSize == Neighbours.ROW_SIZE_PENDING && !appendDeltas) {
        sumPendingDeltas(list);
      }
      return list;
    }
    if (rowAsMap) {
      Neighbours other = current.value();
      if (other == null) {
        return null;
      }
      CooccurrenceRow entries = row.value();
      if (entries != null) {
        Map<String, Double> moved = new HashMap<>(2 * entries.size);
        for (int k = 0; k < entries.size; k++) {
          moved.put(entries.items[k], entries.counts[k]);
        }
        rowEntries.putAll(moved);
      }
      mapEmitted.update(emitted.value());
      row.clear();
      current.clear();
      emitted.clear();
      mapCurrent.update(other);
      return other;
    }
    Neighbours other = mapCurrent.value();
    if (other == null) {
      return null;
    }
    CooccurrenceRow entries = new CooccurrenceRow();
    for (Map.Entry<String, Double> entry : rowEntries.entries()) {
      entries.add(entry.getKey(), entry.getValue());
    }
    addDeltas(entries);
    other.rowSize = entries.size;
    row.update(entries);
    emitted.update(mapEmitted.value());
    rowEntries.clear();
    rowDeltas.clear();
    mapCurrent.clear();
    mapEmitted.clear();
    current.update(other);
    return other;
  }

  /**
   * The cached entry of {@code key}; if not cached, a new entry with the key's list from keyed
   * state and, if the cache has room for it and additions are not appended, its whole row
   * (otherwise its row entries are read when first touched, and the rest when its list is next
   * recomputed); for a key without a list, a new entry with an end-of-input timer registered in
   * {@code timers}, or null when {@code timers} is null.
   */
  private RowCache.Entry cachedEntry(String key, TimerService timers) throws Exception {
    RowCache.Entry entry = cache.get(key);
    if (entry != null) {
      return entry;
    }
    Neighbours list = loadList();
    boolean created = list == null;
    if (created) {
      if (timers == null) {
        return null;
      }
      list = new Neighbours();
      timers.registerEventTimeTimer(END_OF_INPUT);
    }
    entry = new RowCache.Entry(key, list, created);
    cache.put(entry);
    if (!created && !appendDeltas && cache.hasRoomFor(list.rowSize)) {
      readWholeRow(entry); // one scan, and no get per column later
    }
    return entry;
  }

  /** Adds to the cached row the entries in keyed state that it does not hold yet. */
  private void readWholeRow(RowCache.Entry cached) throws Exception {
    int before = cached.row.size;
    for (Map.Entry<String, Double> column : rowEntries.entries()) {
      if (!cached.row.contains(column.getKey())) {
        cached.row.add(column.getKey(), column.getValue());
      }
    }
    cached.complete = true;
    cache.grew(cached.row.size - before);
  }

  /** Moves the least recently used entries out of the cache, writing back those that changed. */
  private void evictFromCache(String current) throws Exception {
    List<RowCache.Entry> changed = cache.evict(current);
    if (!changed.isEmpty()) {
      writeBack(changed);
      keys.setCurrentKey(current);
    }
  }

  /** Writes the entries' changes to keyed state, each under its key, which stays current. */
  private void writeBack(List<RowCache.Entry> entries) throws Exception {
    for (RowCache.Entry entry : entries) {
      keys.setCurrentKey(entry.item);
      int changedColumns = entry.changedColumns();
      if (changedColumns > 0 && appendDeltas) {
        // The cached row holds only additions: every entry changed, each column once.
        rowDeltas.add(
            new RowDeltas(
                Arrays.copyOf(entry.row.items, entry.row.size),
                Arrays.copyOf(entry.row.counts, entry.row.size)));
      } else if (changedColumns > 0) {
        Map<String, Double> columns = new HashMap<>(2 * changedColumns);
        for (int k = 0; k < changedColumns; k++) {
          int index = entry.changedColumn(k);
          columns.put(entry.row.items[index], entry.row.counts[index]);
        }
        rowEntries.putAll(columns);
      }
      if (entry.listChanged) {
        // A copy: the cached list goes on changing, and a heap backend would keep the object.
        Neighbours stored = entry.list.copy();
        stored.updatesSinceRecompute = entry.list.updatesSinceRecompute;
        mapCurrent.update(stored);
      }
      if (entry.emittedChanged) {
        mapEmitted.update(entry.emitted); // a copy already, replaced rather than changed
      }
      entry.written();
    }
  }

  private void storeList(RowCache.Entry cached, Neighbours list) throws Exception {
    if (cached != null) {
      cached.list = list;
      cached.listChanged = true;
    } else {
      storeList(list);
    }
  }

  private void storeList(Neighbours list) throws Exception {
    if (rowAsMap) {
      mapCurrent.update(list);
    } else {
      current.update(list);
    }
  }

  private void emitIfChanged(
      RowCache.Entry cached,
      String item,
      Neighbours list,
      boolean compareScores,
      Collector<SimilarItems> out)
      throws Exception {
    ValueState<Neighbours> emitted = rowAsMap ? mapEmitted : this.emitted;
    if (cached != null && !cached.emittedLoaded) {
      cached.emitted = emitted.value();
      cached.emittedLoaded = true;
    }
    Neighbours last = cached != null ? cached.emitted : emitted.value();
    if (compareScores ? !list.sameAs(last) : !list.sameItems(last)) {
      if (cached != null) {
        cached.emitted = list.copy();
        cached.emittedChanged = true;
      } else {
        emitted.update(list.copy());
      }
      out.collect(new SimilarItems(item, list.toScoredItems(), list.time));
    }
  }

  /** The similarity; {@code a} and {@code b} are counts, or when weighted, squared norms. */
  private double score(double c, double a, double b, double users) {
    return config.weighted()
        ? Similarities.weightedScore(config.measure(), c, a, b, users)
        : Similarities.score(config.measure(), c, a, b, users);
  }

  private static double norm(ReadOnlyBroadcastState<String, Double> norms, String key)
      throws Exception {
    Double value = norms.get(key);
    return value == null ? 0 : value;
  }

  private static double count(ReadOnlyBroadcastState<String, Long> counts, String key)
      throws Exception {
    Long value = counts.get(key);
    return value == null ? 0 : value;
  }
}
