-- Each row represents one channel × objective × week × metric: the focus company's value next to
-- the competitor average (companies with is_focus false) and the landscape average (all
-- companies, focus included). Averages weigh each company equally. Objective 'all' pools every
-- objective. A company takes part on a channel when it has a tracked account there or has ever
-- published an original post there; in a week it did not publish it counts as 0 posts per day and
-- has no rate (it is left out of the rate averages rather than counted as 0).
-- Metrics: posts_per_day, engagement_rate_by_followers, interactions_per_post,
-- amplification_rate_by_followers, applause_rate_by_followers, conversation_rate_by_followers.
with original_posts as (
    select
        company,
        channel,
        objective,
        week_start,
        interactions,
        engagement_rate_by_followers,
        amplification_rate_by_followers,
        applause_rate_by_followers,
        conversation_rate_by_followers
    from post_performance
    where is_original
),

objective_scopes as (
    select
        company,
        channel,
        objective,
        week_start,
        interactions,
        engagement_rate_by_followers,
        amplification_rate_by_followers,
        applause_rate_by_followers,
        conversation_rate_by_followers
    from original_posts
    union all
    select
        company,
        channel,
        'all' as objective,
        week_start,
        interactions,
        engagement_rate_by_followers,
        amplification_rate_by_followers,
        applause_rate_by_followers,
        conversation_rate_by_followers
    from original_posts
),

channel_companies as (
    select
        t.channel,
        t.company
    from tracked_accounts as t
    union
    select
        o.channel,
        o.company
    from original_posts as o
),

participants as (
    select
        cc.channel,
        cc.company,
        c.is_focus
    from channel_companies as cc
    inner join companies as c
        on c.company = cc.company
),

channel_weeks as (
    select distinct
        channel,
        objective,
        week_start
    from objective_scopes
),

spine as (
    select
        w.channel,
        w.objective,
        w.week_start,
        p.company,
        p.is_focus
    from channel_weeks as w
    inner join participants as p
        on p.channel = w.channel
),

company_weeks as (
    select
        company,
        channel,
        objective,
        week_start,
        count(*) as posts,
        avg(engagement_rate_by_followers) as engagement_rate_by_followers,
        avg(cast(interactions as double precision)) as interactions_per_post,
        avg(amplification_rate_by_followers) as amplification_rate_by_followers,
        avg(applause_rate_by_followers) as applause_rate_by_followers,
        avg(conversation_rate_by_followers) as conversation_rate_by_followers
    from objective_scopes
    group by
        company,
        channel,
        objective,
        week_start
),

company_values as (
    select
        s.channel,
        s.objective,
        s.week_start,
        s.company,
        s.is_focus,
        cast(coalesce(w.posts, 0) as double precision) / 7 as posts_per_day,
        w.engagement_rate_by_followers,
        w.interactions_per_post,
        w.amplification_rate_by_followers,
        w.applause_rate_by_followers,
        w.conversation_rate_by_followers
    from spine as s
    left join company_weeks as w
        on w.company = s.company
        and w.channel = s.channel
        and w.objective = s.objective
        and w.week_start = s.week_start
),

metric_names as (
    select 'posts_per_day' as metric
    union all
    select 'engagement_rate_by_followers' as metric
    union all
    select 'interactions_per_post' as metric
    union all
    select 'amplification_rate_by_followers' as metric
    union all
    select 'applause_rate_by_followers' as metric
    union all
    select 'conversation_rate_by_followers' as metric
),

long_values as (
    select
        v.channel,
        v.objective,
        v.week_start,
        v.company,
        v.is_focus,
        n.metric,
        case n.metric
            when 'posts_per_day' then v.posts_per_day
            when 'engagement_rate_by_followers' then v.engagement_rate_by_followers
            when 'interactions_per_post' then v.interactions_per_post
            when 'amplification_rate_by_followers' then v.amplification_rate_by_followers
            when 'applause_rate_by_followers' then v.applause_rate_by_followers
            when 'conversation_rate_by_followers' then v.conversation_rate_by_followers
        end as value
    from company_values as v
    cross join metric_names as n
),

final as (
    select
        channel,
        objective,
        week_start,
        metric,
        max(case when is_focus then company end) as focus_company,
        max(case when is_focus then value end) as focus_value,
        avg(case when not is_focus then value end) as competitor_avg,
        avg(value) as landscape_avg,
        count(case when not is_focus then company end) as competitors,
        count(case when not is_focus then value end) as competitors_with_value,
        max(case when is_focus then value end) / nullif(avg(case when not is_focus then value end), 0) as focus_vs_competitors
    from long_values
    group by
        channel,
        objective,
        week_start,
        metric
)

select * from final
