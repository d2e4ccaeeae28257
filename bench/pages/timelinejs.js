// The dataset's events as TimelineJS slides: what a newsroom would build by hand.
const params = new URLSearchParams(location.search);
fetch(params.get('data') ?? '/data/overseas-police-stations.json')
  .then((r) => r.json())
  .then((data) => {
    const date = (iso) => {
      const [year, month, day] = iso.split('-');
      return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
    };
    const events = data.events.map((e) => ({
      start_date: date(e.date),
      ...(e.end ? { end_date: date(e.end) } : {}),
      text: { headline: e.kind, text: e.summary },
      group: e.kind,
    }));
    // eslint-disable-next-line no-undef
    window.timeline = new TL.Timeline('timeline', { events }, { script_path: new URL('/vendor/timelinejs/js/', location.href).href, ga_measurement_id: null });
  });
