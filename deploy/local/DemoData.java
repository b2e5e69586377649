import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kepu.common.security.DevTokenMinter;

/**
 * Loads demo data drawn from the seed plans (2024 Guangdong work points, Guangzhou's 2021 plan) through the gateway,
 * as an admin would. "Already loaded" is judged by the local stack's identity (deploy/local/stack.sh): a finished load
 * is recorded next to it, in the Kafka data folder whose stack the databases belong to, so that the record and the data
 * are kept or started anew together, and running the loader twice is harmless. Venues without that record (a load
 * that was interrupted) are left alone, with a word on how to start anew.
 *
 * Usage: java -cp common/devtools/target/classes deploy/local/DemoData.java http://127.0.0.1:8080 . .local/dev/kafka/stack-id
 */
public class DemoData {

    record Venue(String nameZh, String nameEn, String kind, String division, String address, double lat, double lon) {
    }

    record Event(String titleZh, String type, String start, String end, String division, String address, int capacity,
            String org) {
    }

    static final List<Venue> VENUES = List.of(
            new Venue("广东科学中心", "Guangdong Science Center", "SCIENCE_MUSEUM", "440113", "广州市番禺区西环路168号", 23.0418, 113.3691),
            new Venue("深圳科技馆", "Shenzhen Science Museum", "SCIENCE_MUSEUM", "440304", "深圳市福田区上步中路1003号", 22.5440, 114.0890),
            new Venue("广州图书馆", "Guangzhou Library", "LIBRARY", "440106", "广州市天河区珠江东路4号", 23.1167, 113.3245),
            new Venue("梅州市科技馆", "Meizhou Science Museum", "COUNTY_SCIENCE_MUSEUM", "441402", "梅州市梅江区", 24.2886, 116.1226),
            new Venue("连州市科技馆", "Lianzhou Science Museum", "COUNTY_SCIENCE_MUSEUM", "441882", "清远市连州市", 24.7806, 112.3770),
            new Venue("广东省气象科普馆", "Guangdong Meteorological Science Museum", "EDUCATION_BASE", "440104", "广州市越秀区福今路6号", 23.1357, 113.2960),
            new Venue("华南国家植物园", "South China National Botanical Garden", "ZOO_OR_BOTANICAL_GARDEN", "440106", "广州市天河区天源路1190号", 23.1880, 113.3680),
            new Venue("海珠国家湿地公园", "Haizhu National Wetland Park", "PARK", "440105", "广州市海珠区新滘中路", 23.0830, 113.3560),
            new Venue("华阳小学校园科技馆", "Huayang Primary School Science Museum", "SCHOOL_SCIENCE_MUSEUM", "440106", "广州市天河区华阳街", 23.1370, 113.3330),
            new Venue("广东省科普大篷车（粤北队）", "Guangdong Science Caravan (North)", "CARAVAN", "441802", "清远市清城区", 23.6820, 113.0560),
            new Venue("中国流动科技馆广东巡展", "China Touring Science Museum, Guangdong", "TOURING_EXHIBITION", "440802", "湛江市赤坎区", 21.2707, 110.3594),
            new Venue("科普中国e站（源城区）", "China Science e-station, Yuancheng", "E_STATION", "441602", "河源市源城区", 23.7463, 114.6978),
            new Venue("从化区新时代文明实践中心", "Conghua Civilisation Practice Centre", "PRACTICE_CENTRE", "440117", "广州市从化区街口街", 23.5480, 113.5860));

    /** Tuesday to Sunday 09:30–17:30 (Mondays closed, as most museums), closed on the first days of 春节. */
    static final String MUSEUM_HOURS = "{\"weekly\":{"
            + String.join(",", List.of("TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY").stream()
                    .map(day -> "\"" + day + "\":[{\"opens\":\"09:30\",\"closes\":\"17:30\"}]").toList())
            + "},\"exceptions\":[{\"date\":\"2027-02-06\",\"closed\":true,\"note\":\"春节闭馆\"},"
            + "{\"date\":\"2027-02-07\",\"closed\":true,\"note\":\"春节闭馆\"},"
            + "{\"date\":\"2026-09-21\",\"closed\":false,\"ranges\":[{\"opens\":\"09:00\",\"closes\":\"21:00\"}],"
            + "\"note\":\"全国科普日延时开放\"}]}";

    /** The meteorological museum's history as a provincial education base. */
    static final List<String> BASE_HISTORY = List.of(
            "{\"move\":\"APPLY\",\"notes\":\"申报广东省科普教育基地\"}",
            "{\"move\":\"CERTIFY\",\"level\":\"PROVINCIAL\",\"validFrom\":\"2022-01-01\",\"validUntil\":\"2026-12-31\"}",
            "{\"move\":\"EVALUATE\",\"year\":2023,\"score\":88,\"result\":\"PASS\"}",
            "{\"move\":\"EVALUATE\",\"year\":2024,\"score\":95,\"result\":\"EXCELLENT\"}",
            "{\"move\":\"RECERTIFY\",\"level\":\"NATIONAL\",\"validFrom\":\"2025-01-01\",\"validUntil\":\"2029-12-31\",\"notes\":\"认定为全国科普教育基地\"}");

    static final List<Event> EVENTS = List.of(
            new Event("2024年广东省全国科技活动周启动仪式", "SCIENCE_WEEK", "2024-05-25T09:30:00+08:00", "2024-05-25T12:00:00+08:00", "440113", "广东科学中心", 2000, "gdast"),
            new Event("第七届广东科普嘉年华", "CARNIVAL", "2024-05-25T09:00:00+08:00", "2024-05-26T17:00:00+08:00", "440113", "广东科学中心", 20000, "gdast"),
            new Event("第39届广东省青少年科技创新大赛", "COMPETITION", "2024-04-12T08:30:00+08:00", "2024-04-14T17:00:00+08:00", "440106", "广州市天河区", 1500, "gdast"),
            new Event("第24届广东省青少年机器人竞赛", "COMPETITION", "2024-06-21T08:30:00+08:00", "2024-06-23T17:00:00+08:00", "440604", "佛山市禅城区", 1200, "gdast"),
            new Event("第五届全省公民科学素质大赛", "COMPETITION", "2024-09-10T09:00:00+08:00", "2024-09-10T17:00:00+08:00", "440104", "广州市越秀区", 800, "gdast"),
            new Event("第四届广东省健康科普大赛", "COMPETITION", "2024-10-15T09:00:00+08:00", "2024-10-16T17:00:00+08:00", "440104", "广州市越秀区", 600, "gd-health"),
            new Event("2021年广州科技活动周·科学之夜", "SCIENCE_NIGHT", "2021-05-22T19:00:00+08:00", "2021-05-22T22:00:00+08:00", "440106", "广州图书馆", 500, "市科技局"),
            new Event("2021年全国科普日广州主场活动", "SCIENCE_DAY", "2021-09-18T09:00:00+08:00", "2021-09-19T17:00:00+08:00", "440106", "广州市天河区", 3000, "市科协"),
            new Event("科普大篷车进校园·梅江站", "CARAVAN_VISIT", "2024-11-05T09:00:00+08:00", "2024-11-05T16:00:00+08:00", "441402", "梅州市梅江区", 400, "gdast"),
            new Event("世界气象日主题科普活动", "THEMED_DAY", "2024-03-23T09:00:00+08:00", "2024-03-23T17:00:00+08:00", "440104", "广州市越秀区", 300, "gd-qx"));

    static final List<String> STOPS = List.of(
            "{\"placeName\":\"连州市第二中学\",\"divisionCode\":\"441882\",\"latitude\":24.7806,\"longitude\":112.3770,"
                    + "\"startsOn\":\"2024-11-04\",\"endsOn\":\"2024-11-08\",\"setting\":\"SCHOOL\"}",
            "{\"placeName\":\"阳山县七拱镇\",\"divisionCode\":\"441823\",\"latitude\":24.4600,\"longitude\":112.6400,"
                    + "\"startsOn\":\"2024-11-12\",\"endsOn\":\"2024-11-13\",\"setting\":\"VILLAGE\"}",
            "{\"placeName\":\"梅州市梅江区江南街道社区\",\"divisionCode\":\"441402\",\"latitude\":24.3000,"
                    + "\"longitude\":116.1200,\"startsOn\":\"2024-11-20\",\"endsOn\":\"2024-11-21\",\"setting\":\"COMMUNITY\"}");

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String admin = DevTokenMinter.fromEnvironment().token("demo-loader").role("admin").sign();
        HttpClient http = HttpClient.newHttpClient();

        java.nio.file.Path stackIdFile = java.nio.file.Path.of(args.length > 2 ? args[2] : ".local/dev/kafka/stack-id");
        String stack = java.nio.file.Files.readString(stackIdFile).strip();
        java.nio.file.Path loaded = stackIdFile.resolveSibling("demo-loaded");
        if (java.nio.file.Files.exists(loaded) && java.nio.file.Files.readString(loaded).strip().equals(stack)) {
            System.out.println("demo data: already loaded into this local stack (" + stack + ")");
            return;
        }
        String existing = send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/venues?size=1")).GET().build(), 200);
        if (!existing.contains("\"total\":0")) {
            System.err.println("demo data: not loaded: the system holds venues, but no finished demo load is recorded for"
                    + " this local stack (" + stack + "), so an earlier load stopped half-way. To start anew:"
                    + " deploy/stop.sh && deploy/local/stack.sh reset dev && deploy/run.sh");
            return;
        }
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        for (Venue v : VENUES) {
            boolean placeless = v.kind().equals("CARAVAN") || v.kind().equals("TOURING_EXHIBITION");
            String body = String.format("{\"nameZh\":%s,\"nameEn\":%s,\"kind\":\"%s\",\"divisionCode\":\"%s\",\"address\":%s%s}",
                    q(v.nameZh()), q(v.nameEn()), v.kind(), v.division(), q(v.address()),
                    placeless ? "" : ",\"latitude\":" + v.lat() + ",\"longitude\":" + v.lon());
            String id = idOf(send(http, post(gateway + "/api/v1/venues", admin, body), 201));
            ids.put(v.nameZh(), id);
            if (!placeless) {
                send(http, put(gateway + "/api/v1/venues/" + id + "/opening-hours", admin, MUSEUM_HOURS), 200);
            }
            if (v.kind().equals("EDUCATION_BASE")) {
                for (String move : BASE_HISTORY) {
                    send(http, post(gateway + "/api/v1/venues/" + id + "/certification/moves", admin, move), 201);
                }
            }
        }
        // School visits: Tuesday and Thursday mornings at 广东科学中心 for the next four weeks.
        java.time.LocalDate from = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
        send(http, post(gateway + "/api/v1/venues/" + ids.get("广东科学中心") + "/slots", admin, String.format(
                "{\"date\":\"%s\",\"until\":\"%s\",\"days\":[\"TUESDAY\",\"THURSDAY\"],\"opens\":\"09:30\","
                        + "\"closes\":\"11:00\",\"capacity\":120,\"audience\":\"YOUTH\",\"notes\":\"适合小学四至六年级\"}",
                from, from.plusDays(27))), 201);
        // The northern caravan's 2024 tour, 进校园、进农村、进社区.
        String tour = idOf(send(http, post(gateway + "/api/v1/tours", admin, "{\"unitId\":\""
                + ids.get("广东省科普大篷车（粤北队）") + "\",\"name\":\"2024年科普大篷车粤北巡展\",\"year\":2024,"
                + "\"organizer\":\"广东省科学技术协会\"}"), 201));
        for (String stop : STOPS) {
            send(http, post(gateway + "/api/v1/tours/" + tour + "/stops", admin, stop), 201);
        }
        for (Event e : EVENTS) {
            String body = String.format("{\"titleZh\":%s,\"type\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\","
                    + "\"divisionCode\":\"%s\",\"address\":%s,\"capacity\":%d,\"organizerOrg\":%s}", q(e.titleZh()), e.type(),
                    e.start(), e.end(), e.division(), q(e.address()), e.capacity(), q(e.org()));
            String id = idOf(send(http, post(gateway + "/api/v1/events", admin, body), 201));
            send(http, post(gateway + "/api/v1/events/" + id + "/publish", admin, ""), 200);
        }
        // The two seed plans, as parsed once into reporting-service's reference files.
        java.util.Map<String, String> plans = new java.util.HashMap<>();
        for (String plan : List.of("guangzhou-2021.json", "guangdong-2024.json")) {
            String body = java.nio.file.Files.readString(java.nio.file.Path.of(args.length > 1 ? args[1] : ".",
                    "reporting-service/src/main/resources/org/kepu/reporting/plans", plan));
            plans.put(plan, idOf(send(http, post(gateway + "/api/v1/plans", admin, body), 201)));
        }
        // Guangzhou 2021: each unit the plan names holds at least one activity during science week (a target on the
        // plan itself, so it is set once the plan exists).
        send(http, put(gateway + "/api/v1/reports/targets/SCIENCE_WEEK_UNITS/2021/" + plans.get("guangzhou-2021.json"),
                admin, "{\"value\":1,\"source\":\"2021年广州市科普工作计划：市各有关单位组织策划实施至少1场以上科普活动\"}"), 200);
        java.nio.file.Files.writeString(loaded, stack + "\n");
        System.out.printf("demo data: %d venues, %d published events and 2 plans loaded%n", VENUES.size(),
                EVENTS.size());
    }

    static String idOf(String created) {
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("No id in " + created);
        }
        return id.group(1);
    }

    static HttpRequest put(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("If-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String q(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
