package io.fleetcast.simulator.internal.demand;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.organization.Workload;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Region;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The holidays and one-off events of the simulation, from the first day of the history to the end of the planning
 * horizon (future holidays and announced events are known in advance, as a forecaster would know them).
 *
 * <p>Holidays (every year, same name): New Year's Day (0.82) and Christmas Day (0.80) everywhere, Black Friday (1.22)
 * everywhere, Thanksgiving Day (0.85) in American regions, Labour Day (0.88) in European regions and Golden Week (0.90,
 * May 3–5) in Asia-Pacific regions. One-off: a global sports final on a Sunday (1.40), once in the history and once
 * after it, and product launch weeks of single interactive services (1.5–1.9 for four days).
 */
public final class EventCalendar {
    private EventCalendar() {}

    /** The events of {@code timeline} for the fleet's regions and services. */
    public static ImmutableList<DemandEvent> build(
            Timeline timeline, List<Region> regions, List<Service> services, RandomStream random) {
        requireNonNull(timeline, "timeline is null");
        int first = timeline.firstDay();
        int last = timeline.horizonEndDay();
        List<DemandEvent> events = new ArrayList<>();
        for (int year = Timeline.date(first).getYear();
                year <= Timeline.date(last).getYear();
                year++) {
            LocalDate thanksgiving = LocalDate.of(year, Month.NOVEMBER, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
            addHoliday(events, "New Year's Day", LocalDate.of(year, Month.JANUARY, 1), 1, EventScope.GLOBAL, "", 0.82);
            addHoliday(events, "Christmas Day", LocalDate.of(year, Month.DECEMBER, 25), 1, EventScope.GLOBAL, "", 0.80);
            addHoliday(events, "Black Friday", thanksgiving.plusDays(1), 1, EventScope.GLOBAL, "", 1.22);
            for (Region region : regions) {
                switch (region.area()) {
                    case AMERICAS ->
                        addHoliday(events, "Thanksgiving Day", thanksgiving, 1, EventScope.REGION, region.name(), 0.85);
                    case EUROPE ->
                        addHoliday(
                                events,
                                "Labour Day",
                                LocalDate.of(year, Month.MAY, 1),
                                1,
                                EventScope.REGION,
                                region.name(),
                                0.88);
                    case ASIA_PACIFIC ->
                        addHoliday(
                                events,
                                "Golden Week",
                                LocalDate.of(year, Month.MAY, 3),
                                3,
                                EventScope.REGION,
                                region.name(),
                                0.90);
                }
            }
        }
        events.removeIf(event -> event.startDay() < first || event.startDay() > last);

        // One-off: a sports final watched worldwide, once in the history (when long enough) and once announced ahead.
        int pastFinal = sunday(timeline.lastDay() - random.integer(40, 200));
        if (pastFinal >= first + 7) {
            events.add(oneOff("Global Sports Final " + Timeline.date(pastFinal).getYear(), pastFinal, 1, 1.40));
        }
        int futureFinal = sunday(timeline.lastDay() + random.integer(120, 300));
        String futureName = "Global Sports Final " + Timeline.date(futureFinal).getYear();
        if (events.stream().noneMatch(event -> event.name().equals(futureName))) {
            events.add(oneOff(futureName, futureFinal, 1, 1.40));
        }
        List<Service> interactive = services.stream()
                .filter(service -> service.workload() == Workload.INTERACTIVE)
                .toList();
        int launches = Math.max(1, (int) Math.round(services.size() / 30.0));
        for (int i = 0; i < launches && !interactive.isEmpty() && timeline.historyDays() > 90; i++) {
            Service service = random.pick(interactive);
            int start = random.integer(first + 30, timeline.lastDay() - 20);
            double lift = Math.round(random.uniform(1.5, 1.9) * 100) / 100.0;
            events.add(new DemandEvent(
                    service.name() + " launch week",
                    EventKind.ONE_OFF,
                    start,
                    start + 3,
                    EventScope.SERVICE,
                    service.name(),
                    lift));
        }
        events.sort(Comparator.comparingInt(DemandEvent::startDay)
                .thenComparing(DemandEvent::name)
                .thenComparing(DemandEvent::scopeValue));
        return ImmutableList.copyOf(events);
    }

    private static void addHoliday(
            List<DemandEvent> events,
            String name,
            LocalDate start,
            int days,
            EventScope scope,
            String scopeValue,
            double lift) {
        int startDay = Timeline.day(start);
        events.add(new DemandEvent(name, EventKind.HOLIDAY, startDay, startDay + days - 1, scope, scopeValue, lift));
    }

    private static DemandEvent oneOff(String name, int day, int days, double lift) {
        return new DemandEvent(name, EventKind.ONE_OFF, day, day + days - 1, EventScope.GLOBAL, "", lift);
    }

    private static int sunday(int day) {
        return day + (7 - Timeline.dayOfWeek(day));
    }
}
