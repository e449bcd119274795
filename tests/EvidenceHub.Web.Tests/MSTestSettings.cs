// One server and one browser for the whole run; the journeys change shared state (uploads), so they run one at a time.
[assembly: DoNotParallelize]
