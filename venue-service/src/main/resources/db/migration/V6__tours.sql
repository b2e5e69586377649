-- Touring caravans and exhibitions (issue 18): a mobile unit (科普大篷车, 流动科技馆) has tours of a year, made of stops
-- at schools, villages and communities; each stop carries its place (a venue, or an address with a division code and
-- coordinates), the city and economic region derived from it, and after the visit the number of visitors served.
CREATE TABLE tour (
    id         uuid PRIMARY KEY,
    unit_id    uuid         NOT NULL REFERENCES venue (id),
    name       varchar(200) NOT NULL,
    year       integer      NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    organizer  varchar(200),
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL DEFAULT 0
);
CREATE INDEX tour_by_unit ON tour (unit_id, year);

CREATE TABLE tour_stop (
    id              uuid PRIMARY KEY,
    tour_id         uuid         NOT NULL REFERENCES tour (id) ON DELETE CASCADE,
    unit_id         uuid         NOT NULL REFERENCES venue (id),
    venue_id        uuid REFERENCES venue (id),
    place_name      varchar(200) NOT NULL,
    address         varchar(300),
    division_code   char(6)      NOT NULL,
    city_code       char(6),
    economic_region varchar(8),
    latitude        double precision,
    longitude       double precision,
    starts_on       date         NOT NULL,
    ends_on         date         NOT NULL,
    setting         varchar(16)  NOT NULL,
    visitors        integer CHECK (visitors >= 0),
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on),
    -- One unit is at one place at a time, across all its tours (the service names the other stop first).
    EXCLUDE USING gist (unit_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
);
CREATE INDEX tour_stop_by_tour ON tour_stop (tour_id, starts_on);
CREATE INDEX tour_stop_by_region ON tour_stop (economic_region, starts_on);
CREATE INDEX tour_stop_by_city ON tour_stop (city_code, starts_on);
